import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Identifiers never change after intake: their count lives on the request so reports scan one table.
  await db.schema
    .alterTable('legal_requests')
    .addColumn('identifier_count', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await sql`
    update legal_requests r set identifier_count = (select count(*) from legal_request_identifiers i where i.request_id = r.id)
  `.execute(db);
  // Likewise how the latest pushback on a request ended (null: never pushed back on).
  await db.schema.alterTable('legal_requests').addColumn('pushback_outcome', 'text').execute();
  await sql`
    update legal_requests r set pushback_outcome = (
      select p.outcome from pushbacks p where p.request_id = r.id order by p.created_at desc, p.id desc limit 1)
  `.execute(db);

  await db.schema
    .createTable('published_reports')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('period_start', 'date', (col) => col.notNull())
    .addColumn('period_end', 'date', (col) => col.notNull())
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('rules_version', 'text', (col) => col.notNull())
    .addColumn('content', 'jsonb', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('published_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('published_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('published_reports_period_idx')
    .on('published_reports')
    .columns(['period_start', 'period_end', 'scope'])
    .unique()
    .execute();
  // A published report is a locked snapshot: the database refuses to change or remove it.
  await sql`
    create function published_reports_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'published_reports are locked snapshots: % refused', tg_op using errcode = 'insufficient_privilege';
    end;
    $$`.execute(db);
  await sql`
    create trigger published_reports_locked before update or delete on published_reports
    for each row execute function published_reports_refuse_change()`.execute(db);
  await sql`
    create trigger published_reports_no_truncate before truncate on published_reports
    for each statement execute function published_reports_refuse_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists published_reports`.execute(db);
  await sql`drop function if exists published_reports_refuse_change()`.execute(db);
  await db.schema.alterTable('legal_requests').dropColumn('identifier_count').execute();
  await db.schema.alterTable('legal_requests').dropColumn('pushback_outcome').execute();
}
