import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../../test/support/test-database';
import { addDuration, cachedDeadlineRules, DEADLINE_RULES_CACHE_MS } from './deadlines';

const holidays = new Set(['2026-11-26']); // Thanksgiving, a Thursday

describe('deadline arithmetic', () => {
  it('counts business days past weekends and holidays, keeping the time of day', () => {
    // Wednesday 25 Nov 2026 + 3 business days: Fri 27, Mon 30, Tue 1 Dec (Thu 26 is a holiday).
    const due = addDuration(new Date('2026-11-25T15:30:00Z'), { amount: 3, unit: 'business_days' }, holidays);
    expect(due.toISOString()).toBe('2026-12-01T15:30:00.000Z');
    // Friday + 1 business day is Monday.
    expect(
      addDuration(new Date('2026-11-20T10:00:00Z'), { amount: 1, unit: 'business_days' }, holidays).toISOString(),
    ).toBe('2026-11-23T10:00:00.000Z');
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addDuration(new Date('2026-01-31T12:00:00Z'), { amount: 1, unit: 'months' }, holidays).toISOString()).toBe(
      '2026-02-28T12:00:00.000Z',
    );
    expect(addDuration(new Date('2028-01-31T12:00:00Z'), { amount: 1, unit: 'months' }, holidays).toISOString()).toBe(
      '2028-02-29T12:00:00.000Z',
    );
    expect(addDuration(new Date('2026-11-30T00:00:00Z'), { amount: 3, unit: 'months' }, holidays).toISOString()).toBe(
      '2027-02-28T00:00:00.000Z',
    );
  });

  it('adds hours and days exactly', () => {
    expect(addDuration(new Date('2026-03-01T22:00:00Z'), { amount: 4, unit: 'hours' }, holidays).toISOString()).toBe(
      '2026-03-02T02:00:00.000Z',
    );
    expect(addDuration(new Date('2026-03-01T00:00:00Z'), { amount: 90, unit: 'days' }, holidays).toISOString()).toBe(
      '2026-05-30T00:00:00.000Z',
    );
  });
});

describe('deadline rules for showing clocks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are read once per database and read again when the copy is older than the cache allows', async () => {
    const database = await openTestDatabase();
    try {
      const start = Date.now();
      const now = vi.spyOn(Date, 'now').mockReturnValue(start);
      const first = cachedDeadlineRules(database.db);
      expect(cachedDeadlineRules(database.db)).toBe(first);
      expect((await first).rule('legal.response.mlat').amount).toBe(30);

      await database.db
        .updateTable('deadline_rules')
        .set({ amount: 45 })
        .where('code', '=', 'legal.response.mlat')
        .execute();
      now.mockReturnValue(start + DEADLINE_RULES_CACHE_MS - 1);
      expect((await cachedDeadlineRules(database.db)).rule('legal.response.mlat').amount).toBe(30);
      now.mockReturnValue(start + DEADLINE_RULES_CACHE_MS);
      expect((await cachedDeadlineRules(database.db)).rule('legal.response.mlat').amount).toBe(45);
    } finally {
      await database.close();
    }
  });
});
