import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/test-database';
import { migrateToLatest } from './migrate';

describe('migrations', () => {
  it('are harmless to run again, and numbers come back as numbers', async () => {
    const database = await openTestDatabase();
    afterAll(() => database.close());
    expect(await migrateToLatest(database.db)).toEqual({ applied: [] });
    const row = await sql<{
      n: number;
      big: number;
      dec: number;
    }>`select count(*) as n, 9007199254740::bigint as big, 2.5::numeric as dec`.execute(database.db);
    expect(row.rows[0]).toEqual({ n: 1, big: 9007199254740, dec: 2.5 });
  });
});
