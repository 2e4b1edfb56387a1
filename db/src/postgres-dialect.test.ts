import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/test-database';
import { migrateToLatest } from './migrate';
import { PREPARED_MAX_PARAMETERS } from './postgres-dialect';

// How Docket's PostgreSQL dialect hands out connections: one query outside a transaction goes to the
// pool; a transaction and `db.connection()` each keep one session for all their statements. PGlite
// is a single session, so there these only confirm that the same code runs on it.

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const backend = sql<{ pid: number }>`select pg_backend_pid() as pid`;

describe('the database connection', () => {
  it('keeps one session through db.connection(): a setting made there is read back there', async () => {
    const seen = await database.db.connection().execute(async (conn) => {
      await sql`select set_config('docket.probe', 'pinned', false)`.execute(conn);
      const pids = [];
      for (let i = 0; i < 5; i += 1) pids.push((await backend.execute(conn)).rows[0]?.pid);
      const probe = await sql<{ value: string }>`select current_setting('docket.probe') as value`.execute(conn);
      await sql`select set_config('docket.probe', '', false)`.execute(conn);
      return { pids: new Set(pids), value: probe.rows[0]?.value };
    });
    expect(seen).toEqual({ pids: new Set([expect.any(Number)]), value: 'pinned' });
  });

  it('keeps one session through a transaction, and a rolled-back one leaves nothing', async () => {
    const pids = await database.db.transaction().execute(async (trx) => {
      const found = [];
      for (let i = 0; i < 5; i += 1) found.push((await backend.execute(trx)).rows[0]?.pid);
      return new Set(found);
    });
    expect(pids.size).toBe(1);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into holidays (calendar, day, name) values ('TEST', '2030-01-01', 'Probe')`.execute(trx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const left = await sql<{ n: number }>`select count(*)::int as n from holidays where calendar = 'TEST'`.execute(
      database.db,
    );
    expect(left.rows[0]?.n).toBe(0);
  });

  it('leaves no advisory lock behind after migrating (the migrator locks and unlocks in one session)', async () => {
    expect(await migrateToLatest(database.db)).toEqual({ applied: [] });
    const locks = await sql<{ n: number }>`
      select count(*)::int as n from pg_locks where locktype = 'advisory' and granted`.execute(database.db);
    expect(locks.rows[0]?.n).toBe(0);
  });

  it('spreads single queries over the pool, each connection with Docket’s settings, and refuses two statements on a connection nothing reserved', async () => {
    const rows = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const row = await sql<{ pid: number; settings: string }>`
          select pg_backend_pid() as pid, pg_sleep(0.05),
                 concat_ws(' ', current_setting('jit'), current_setting('gin_fuzzy_search_limit')) as settings`.execute(
          database.db,
        );
        return row.rows[0];
      }),
    );
    const pids = rows.map((r) => r?.pid);
    // A plain Kysely (what withoutPlugins() answers) has no pinning connection().
    const twoStatements = database.db
      .withoutPlugins()
      .connection()
      .execute(async (conn) => {
        await sql`select 1`.execute(conn);
        await sql`select 2`.execute(conn);
        return 'ran';
      });
    if (database.kind === 'pglite') {
      // One embedded session: nothing to spread, nothing to get wrong.
      expect(new Set(pids).size).toBe(1);
      expect(await twoStatements).toBe('ran');
    } else {
      expect(new Set(pids).size).toBeGreaterThan(1);
      // JIT off and a sampled GIN scan for very common words (create-db.ts).
      expect(new Set(rows.map((r) => r?.settings))).toEqual(new Set(['off 2000']));
      await expect(twoStatements).rejects.toThrow(/second statement on an unreserved connection/);
    }
  });

  it('prepares a query for the session unless it has more than PREPARED_MAX_PARAMETERS parameters (a batch)', async () => {
    const listOf = (n: number) =>
      sql<{ n: number }>`select count(*)::int as n from generate_series(1, 100) as g(v) where v in (${sql.join(
        Array.from({ length: n - 1 }, (_, i) => i + 1),
      )}) and ${`probe-${n}`} <> ''`;
    const kept = await database.db.connection().execute(async (conn) => {
      const counts = [];
      for (const n of [PREPARED_MAX_PARAMETERS - 1, PREPARED_MAX_PARAMETERS, PREPARED_MAX_PARAMETERS + 1, 90]) {
        counts.push((await listOf(n).execute(conn)).rows[0]?.n);
      }
      const statements =
        database.kind === 'pglite'
          ? []
          : (
              await sql<{ params: number }>`
                select cardinality(parameter_types) as params from pg_prepared_statements
                where statement like '%generate_series(1, 100)%' order by 1`.execute(conn)
            ).rows.map((r) => r.params);
      return { counts, statements };
    });
    // Every query answers. Each has n parameters: n − 1 in its list, and the probe's name.
    expect(kept.counts).toEqual([
      PREPARED_MAX_PARAMETERS - 2,
      PREPARED_MAX_PARAMETERS - 1,
      PREPARED_MAX_PARAMETERS,
      89,
    ]);
    if (database.kind === 'postgres') {
      // The session keeps the two it prepared, not the two batches.
      expect(kept.statements).toEqual([PREPARED_MAX_PARAMETERS - 1, PREPARED_MAX_PARAMETERS]);
    }
  });
});
