import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/test-database';
import type { Write } from './write-watch';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('watching writes', () => {
  it('names the table, the kind and the columns set of each write the query builder sends', async () => {
    const seen: Write[] = [];
    const stop = database.watchWrites((write) => seen.push(write));
    await database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('holidays')
        .values({ calendar: 'watch-test', day: '2031-01-01', name: 'New Year' })
        .execute();
      await trx
        .updateTable('holidays as h')
        .set({ name: 'New Year’s Day' })
        .where('h.calendar', '=', 'watch-test')
        .execute();
      await trx.selectFrom('holidays').selectAll().execute();
      await sql`delete from holidays where calendar = 'watch-test'`.execute(trx);
      await trx.deleteFrom('holidays').where('calendar', '=', 'watch-test').execute();
    });
    stop();
    await database.db.deleteFrom('holidays').where('calendar', '=', 'watch-test').execute();
    // Raw SQL is not seen (the auth-change trigger covers what must never be missed), nor anything after stop().
    expect(seen).toEqual([
      { table: 'holidays', kind: 'insert', columns: ['calendar', 'day', 'name'] },
      { table: 'holidays', kind: 'update', columns: ['name'] },
      { table: 'holidays', kind: 'delete', columns: [] },
    ]);
  });
});
