import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.

/**
 * The work queues list open cases by next deadline, and open cases are a small share of all cases (a few
 * percent after some years). These partial indexes hold only open cases in deadline order, so "mine",
 * "unassigned" and "open" read their first page directly instead of sorting every open case. The queries
 * state the same condition with literal values (not parameters), for PostgreSQL to use them in a prepared plan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index legal_requests_open_assignee_idx on legal_requests (assignee_id, next_deadline_at, id)
    where status not in ('closed', 'withdrawn', 'rejected')`.execute(db);
  await sql`create index legal_requests_unassigned_idx on legal_requests (next_deadline_at, id)
    where assignee_id is null and status not in ('closed', 'withdrawn', 'rejected')`.execute(db);
  await sql`create index complaints_open_deadline_idx on complaints (next_deadline_at, id)
    where status <> 'closed'`.execute(db);

  // The transparency report counts a period's requests and complaints: every column it reads is in these
  // indexes, so it reads the period's index entries instead of every row of the tables (whose summaries,
  // scopes and sealed personal data make them wide).
  await sql`create index legal_requests_report_idx on legal_requests (received_at)
    include (country, process_type, emergency, identifier_count, disposition, nondisclosure_kind, pushback_outcome)`.execute(
    db,
  );
  await sql`create index complaints_report_idx on complaints (received_at)
    include (id, first_contact_at, resolved_at, outcome)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index complaints_report_idx`.execute(db);
  await sql`drop index legal_requests_report_idx`.execute(db);
  await sql`drop index complaints_open_deadline_idx`.execute(db);
  await sql`drop index legal_requests_unassigned_idx`.execute(db);
  await sql`drop index legal_requests_open_assignee_idx`.execute(db);
}
