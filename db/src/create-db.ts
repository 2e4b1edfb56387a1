import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import postgres from 'postgres';
import type { Database } from './database';
import { SessionKysely } from './postgres-dialect';
import { type WriteListener, WriteWatchPlugin } from './write-watch';

export type DbOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir undefined = in memory (tests). */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export interface DbHandle {
  db: Kysely<Database>;
  kind: DbOptions['kind'];
  close: () => Promise<void>;
  /** Calls `listener` for each insert, update or delete this process sends through `db`'s query builder. */
  watchWrites: (listener: WriteListener) => () => void;
  /**
   * LISTENs on a channel for NOTIFY from any process on the database. `onNotify` is also called once
   * listening starts, and again each time PostgreSQL's listening connection is re-established (a
   * notification sent while it was down is lost, so whatever it would have said may have happened).
   */
  listen: (channel: string, onNotify: () => void) => Promise<void>;
  /** The embedded database, when there is one (tests dump it as a template). */
  pglite?: PGlite;
}

// int8 (counts, sums, sequence numbers) and numeric come back as numbers on both drivers.
const INT8 = 20;
const NUMERIC = 1700;
// Calendar dates stay 'YYYY-MM-DD' strings: no time zone can shift them.
const DATE = 1082;
const asIs = (value: string) => value;

/**
 * A GIN index scan for a word in 100,000 cases builds a bitmap of all of them before anything is ranked
 * (30+ ms on 1M requests). Above this many rows PostgreSQL hands over a random sample of about this
 * size instead; search ranks only a sample of a common word's cases anyway, and says so (search.queries.ts).
 * Search is the only user of GIN indexes.
 */
export const GIN_FUZZY_SEARCH_LIMIT = 2000;
const toNumber = (value: string) => Number(value);

export function createDb(options: DbOptions): DbHandle {
  if (options.kind === 'postgres') {
    const sql = postgres(options.url, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      // JIT compiling a query costs 50–100 ms each run, more than any of Docket's queries gains from it.
      connection: { gin_fuzzy_search_limit: GIN_FUZZY_SEARCH_LIMIT, jit: 'off' },
      types: {
        bigint: { to: INT8, from: [INT8], serialize: (x: number) => String(x), parse: toNumber },
        numeric: { to: NUMERIC, from: [NUMERIC], serialize: (x: number) => String(x), parse: toNumber },
        date: { to: DATE, from: [DATE], serialize: (x: string) => x, parse: asIs },
      },
    });
    const writes = new WriteWatchPlugin();
    const db = new SessionKysely<Database>(sql, [writes]);
    return {
      db,
      kind: 'postgres',
      close: () => db.destroy(),
      watchWrites: (listener) => writes.watch(listener),
      // postgres.js keeps one connection for LISTEN and listens again whenever it reconnects.
      listen: async (channel, onNotify) => {
        await sql.listen(channel, () => onNotify(), onNotify);
      },
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asIs },
  });
  const writes = new WriteWatchPlugin();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), plugins: [writes] });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: () => db.destroy(),
    watchWrites: (listener) => writes.watch(listener),
    listen: async (channel, onNotify) => {
      await pglite.listen(channel, () => onNotify());
      onNotify();
    },
  };
}
