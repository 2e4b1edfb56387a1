import type { Database } from '@docket/db/database';
import { type Kysely, sql } from 'kysely';

/** Docket's own tables (not the migration bookkeeping), by name. */
export async function docketTables(db: Kysely<Database>): Promise<string[]> {
  const tables = await sql<{ relname: string }>`
    select relname from pg_stat_user_tables where schemaname = 'public' and relname not like 'kysely_%' order by relname`.execute(
    db,
  );
  return tables.rows.map((t) => t.relname);
}

/** How many rows each of Docket's tables holds: "nothing written" means none of these moved. */
export async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await docketTables(db)) {
    const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(row.rows[0]?.n);
  }
  return counts;
}
