import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The requesting agency's own case number. Agency + its number is what makes an imported row the same
  // request again, so re-importing a file never duplicates it.
  await db.schema.alterTable('legal_requests').addColumn('external_reference', 'text').execute();
  await sql`
    create unique index legal_requests_external_reference_idx
    on legal_requests (agency_id, external_reference) where external_reference is not null`.execute(db);

  // One row per committed import, for the history list and its report.
  await db.schema
    .createTable('imports')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('legal_requests')`))
    .addColumn('filename', 'text', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('mode', 'text', (col) => col.notNull().check(sql`mode in ('all_or_nothing','valid_rows')`))
    .addColumn('rows_total', 'integer', (col) => col.notNull())
    .addColumn('created', 'integer', (col) => col.notNull())
    .addColumn('skipped', 'integer', (col) => col.notNull())
    .addColumn('rejected', 'integer', (col) => col.notNull())
    .addColumn('agencies_created', 'integer', (col) => col.notNull().defaultTo(0))
    // The rejected rows (line, column, reason) and the skipped ones, as the import answered them.
    .addColumn('report', 'jsonb', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('imports_created_idx').on('imports').columns(['kind', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('imports').ifExists().execute();
  await sql`drop index if exists legal_requests_external_reference_idx`.execute(db);
  await db.schema.alterTable('legal_requests').dropColumn('external_reference').execute();
}
