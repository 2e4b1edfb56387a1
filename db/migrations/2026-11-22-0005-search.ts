import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.

/**
 * Full-text search over cases: each searchable text keeps its tsvector beside it (generated, so it can
 * never drift from the text) with a GIN index; references and identifiers match exactly through btree
 * indexes. List sorting by received date pages by keyset on (received_at, id).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table legal_requests add column search_vector tsvector
    generated always as (to_tsvector('english', summary)) stored`.execute(db);
  await sql`create index legal_requests_search_idx on legal_requests using gin (search_vector)`.execute(db);
  await sql`alter table legal_request_notes add column search_vector tsvector
    generated always as (to_tsvector('english', body)) stored`.execute(db);
  await sql`create index legal_request_notes_search_idx on legal_request_notes using gin (search_vector)`.execute(db);
  await sql`alter table pushbacks add column search_vector tsvector
    generated always as (to_tsvector('english', asked || ' ' || proposed || ' ' || coalesce(requester_reply, ''))) stored`.execute(
    db,
  );
  await sql`create index pushbacks_search_idx on pushbacks using gin (search_vector)`.execute(db);
  await sql`create index agencies_search_idx on agencies using gin (to_tsvector('simple', name))`.execute(db);
  // Complaint summaries may hold personal data: searched only for roles that may read it (the service decides).
  await sql`alter table complaints add column search_vector tsvector
    generated always as (to_tsvector('english', coalesce(summary, ''))) stored`.execute(db);
  await sql`create index complaints_search_idx on complaints using gin (search_vector)`.execute(db);

  // A reference prefix ("LR-2026-0004…") is a LIKE 'x%': only a pattern_ops index serves it under any collation.
  await sql`create index legal_requests_reference_prefix_idx on legal_requests (reference text_pattern_ops)`.execute(
    db,
  );
  await sql`create index complaints_reference_prefix_idx on complaints (reference text_pattern_ops)`.execute(db);

  await sql`create index legal_requests_received_id_idx on legal_requests (received_at, id)`.execute(db);
  await sql`create index legal_requests_agency_received_idx on legal_requests (agency_id, received_at)`.execute(db);
  await sql`create index complaints_received_id_idx on complaints (received_at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index complaints_received_id_idx`.execute(db);
  await sql`drop index complaints_reference_prefix_idx`.execute(db);
  await sql`drop index legal_requests_reference_prefix_idx`.execute(db);
  await sql`drop index legal_requests_agency_received_idx`.execute(db);
  await sql`drop index legal_requests_received_id_idx`.execute(db);
  await sql`drop index agencies_search_idx`.execute(db);
  for (const table of ['complaints', 'pushbacks', 'legal_request_notes', 'legal_requests']) {
    await sql`alter table ${sql.table(table)} drop column search_vector`.execute(db);
  }
}
