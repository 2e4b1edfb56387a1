import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.

/**
 * Two indexes on legal requests that later ones made redundant, each one more index every write maintains:
 * - (agency_id): (agency_id, received_at) begins with the same column and serves the same look-ups,
 *   the agency foreign key's included;
 * - (received_at, country, process_type): the report's covering index (received_at) include (country,
 *   process_type, …) answers every query this one could, from its entries alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index legal_requests_agency_idx`.execute(db);
  await sql`drop index legal_requests_received_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index legal_requests_received_idx on legal_requests (received_at, country, process_type)`.execute(
    db,
  );
  await sql`create index legal_requests_agency_idx on legal_requests (agency_id)`.execute(db);
}
