import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/test-database';
import { compiledOnce } from './compiled-once';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('a query compiled once', () => {
  it('runs with each call’s values, keeping the constants it was built with', async () => {
    const rule = compiledOnce((db, code: string) =>
      db.selectFrom('deadline_rules').select(['code', 'unit']).where('code', '=', code).where('amount', '>', 0),
    );
    expect(await rule(database.db, 'legal.response.subpoena')).toEqual([
      { code: 'legal.response.subpoena', unit: 'business_days' },
    ]);
    expect(await rule(database.db, 'legal.response.emergency')).toEqual([
      { code: 'legal.response.emergency', unit: 'hours' },
    ]);
    expect(await rule(database.db, 'no.such.rule')).toEqual([]);
    // In a transaction too.
    const inTrx = await database.db.transaction().execute((trx) => rule(trx, 'legal.response.mlat'));
    expect(inTrx.map((r) => r.code)).toEqual(['legal.response.mlat']);
  });

  it('refuses a query that does not use a value it was given', async () => {
    const careless = compiledOnce((db, _code: string) => db.selectFrom('deadline_rules').select('code'));
    await expect(careless(database.db, 'legal.response.subpoena')).rejects.toThrow(/value 0 is not a parameter/);
  });
});
