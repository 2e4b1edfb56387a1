import type { Database } from '@docket/db/database';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { arrayLiteral, type BulkColumn, bulkInsertLiterals, columnLiterals, textOf } from '../../lib/bulk-insert';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Agencies of the registry matched by name (ignoring case) and country. The pairs travel as two arrays
 * joined with unnest: one statement of constant size however many there are.
 */
export async function findAgenciesByNameAndCountry(db: Db, keys: { name: string; country: string }[]) {
  if (keys.length === 0) return [];
  const names = keys.map((k) => k.name.toLowerCase());
  const countries = keys.map((k) => k.country);
  const found = await sql<{ id: string; name: string; country: string }>`
    select a.id, a.name, a.country
    from agencies a join unnest(${names}::text[], ${countries}::text[]) as k(name, country)
      on lower(a.name) = k.name and a.country = k.country`.execute(db);
  return found.rows;
}

/** Adds agencies; a name another writer added at the same moment is left to them (and found again after). */
export async function insertAgencies(db: Db, rows: Insertable<Database['agencies']>[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('agencies')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'name', 'country', 'kind'])
    .execute();
}

/** The (agency, external reference) pairs among these that are already on record. */
export async function existingExternalReferences(db: Db, pairs: { agencyId: string; externalReference: string }[]) {
  if (pairs.length === 0) return [];
  const agencyIds = pairs.map((p) => p.agencyId);
  const references = pairs.map((p) => p.externalReference);
  // One index probe per pair (the lateral limit keeps the planner from a sort-merge over the whole table).
  const found = await sql<{ agency_id: string; external_reference: string }>`
    select r.agency_id, r.external_reference
    from unnest(${agencyIds}::uuid[], ${references}::text[]) as p(agency_id, external_reference)
    cross join lateral (
      select x.agency_id, x.external_reference from legal_requests x
      where x.agency_id = p.agency_id and x.external_reference = p.external_reference
        and x.external_reference is not null
      limit 1) r`.execute(db);
  return found.rows;
}

/**
 * Reserves `count` consecutive reference numbers per year in one statement (the counter the intake path
 * uses); answers the first number of each year's block.
 */
export async function reserveReferenceNumbers(db: Db, prefix: string, counts: Map<number, number>) {
  if (counts.size === 0) return new Map<number, number>();
  const rows = await db
    .insertInto('reference_counters')
    .values([...counts].map(([year, count]) => ({ prefix, year, last: count })))
    .onConflict((oc) =>
      oc.columns(['prefix', 'year']).doUpdateSet({ last: sql<number>`reference_counters.last + excluded.last` }),
    )
    .returning(['year', 'last'])
    .execute();
  return new Map(rows.map((r) => [r.year, r.last - (counts.get(r.year) ?? 0) + 1]));
}

/** A request as the import writes it, bar its reference and agency (worked out batch by batch). */
export interface ImportedRequestFields {
  id: string;
  external_reference: string;
  process_type: string;
  country: string;
  received_at: Date;
  due_at: Date | null;
  emergency: boolean;
  summary: string;
  data_categories: readonly string[];
  date_range_start: string | null;
  date_range_end: string | null;
  original_scope: Record<string, unknown>;
  nondisclosure_kind: string;
  nondisclosure_until: string | null;
  nondisclosure_statute: string | null;
  status: string;
  disposition: string | null;
  decided_at: Date | null;
  response_sent_at: Date | null;
  response_method: string | null;
  preservation_expires_at: Date | null;
  follow_up_due_at: Date | null;
  next_deadline_at: Date | null;
  identifier_count: number;
  created_by: string | null;
  updated_at: Date;
}

const requestFieldColumns: BulkColumn<ImportedRequestFields>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id, plain: true },
  { name: 'external_reference', type: 'text', value: (r) => r.external_reference },
  { name: 'process_type', type: 'text', value: (r) => r.process_type, plain: true },
  { name: 'country', type: 'text', value: (r) => r.country, plain: true },
  { name: 'received_at', type: 'timestamptz', value: (r) => textOf.date(r.received_at), plain: true },
  { name: 'due_at', type: 'timestamptz', value: (r) => textOf.date(r.due_at), plain: true },
  { name: 'emergency', type: 'boolean', value: (r) => textOf.bool(r.emergency), plain: true },
  { name: 'summary', type: 'text', value: (r) => r.summary },
  { name: 'data_categories', type: 'text[]', value: (r) => textOf.words(r.data_categories) },
  { name: 'date_range_start', type: 'date', value: (r) => r.date_range_start, plain: true },
  { name: 'date_range_end', type: 'date', value: (r) => r.date_range_end, plain: true },
  { name: 'original_scope', type: 'jsonb', value: (r) => textOf.json(r.original_scope) },
  { name: 'nondisclosure_kind', type: 'text', value: (r) => r.nondisclosure_kind, plain: true },
  { name: 'nondisclosure_until', type: 'date', value: (r) => r.nondisclosure_until, plain: true },
  { name: 'nondisclosure_statute', type: 'text', value: (r) => r.nondisclosure_statute },
  { name: 'status', type: 'text', value: (r) => r.status, plain: true },
  { name: 'disposition', type: 'text', value: (r) => r.disposition, plain: true },
  { name: 'decided_at', type: 'timestamptz', value: (r) => textOf.date(r.decided_at), plain: true },
  { name: 'response_sent_at', type: 'timestamptz', value: (r) => textOf.date(r.response_sent_at), plain: true },
  { name: 'response_method', type: 'text', value: (r) => r.response_method, plain: true },
  {
    name: 'preservation_expires_at',
    type: 'timestamptz',
    value: (r) => textOf.date(r.preservation_expires_at),
    plain: true,
  },
  { name: 'follow_up_due_at', type: 'timestamptz', value: (r) => textOf.date(r.follow_up_due_at), plain: true },
  { name: 'next_deadline_at', type: 'timestamptz', value: (r) => textOf.date(r.next_deadline_at), plain: true },
  { name: 'identifier_count', type: 'integer', value: (r) => textOf.int(r.identifier_count), plain: true },
  { name: 'created_by', type: 'uuid', value: (r) => r.created_by, plain: true },
  { name: 'updated_at', type: 'timestamptz', value: (r) => textOf.date(r.updated_at), plain: true },
];

/** The statement's columns: the reference and the agency (one literal each), then the fields. */
const requestColumns: BulkColumn<ImportedRequestFields>[] = [
  { name: 'reference', type: 'text', value: () => null, plain: true },
  { name: 'agency_id', type: 'uuid', value: () => null, plain: true },
  ...requestFieldColumns,
];

export interface ImportedIdentifierRow {
  id: string;
  request_id: string;
  position: number;
  kind: string;
  value: string;
}

const identifierColumns: BulkColumn<ImportedIdentifierRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id, plain: true },
  // c1: the insert below keeps the identifiers of the requests it inserted.
  { name: 'request_id', type: 'uuid', value: (r) => r.request_id, plain: true },
  { name: 'position', type: 'integer', value: (r) => textOf.int(r.position), plain: true },
  { name: 'kind', type: 'text', value: (r) => r.kind, plain: true },
  { name: 'value', type: 'text', value: (r) => r.value },
];

/** A batch of requests and their identifiers as array literals, ready but for the requests' references. */
export interface RequestBatch {
  rows: number;
  agencies: string;
  fields: string[];
  identifiers: string[];
}

/** Builds a batch's literals: the costly part in Node, done while the database works on something else. */
export function requestBatch(
  requests: ImportedRequestFields[],
  agencyIds: string[],
  identifiers: ImportedIdentifierRow[],
): RequestBatch {
  return {
    rows: requests.length,
    agencies: arrayLiteral(agencyIds, true),
    fields: columnLiterals(requestFieldColumns, requests),
    identifiers: columnLiterals(identifierColumns, identifiers),
  };
}

/**
 * Inserts a batch's requests and, in the same statement, the identifiers of those it inserted; a request
 * whose agency and external reference another import wrote meanwhile is left out, with its identifiers.
 * Answers the ids of the requests inserted.
 */
export async function insertRequestBatch(db: Db, batch: RequestBatch, references: string[]): Promise<Set<string>> {
  if (batch.rows === 0) return new Set();
  if (references.length !== batch.rows) throw new Error('one reference per request');
  const requests = bulkInsertLiterals(
    'legal_requests',
    requestColumns,
    [arrayLiteral(references, true), batch.agencies, ...batch.fields],
    sql`on conflict (agency_id, external_reference) where external_reference is not null do nothing returning id`,
  );
  const identifiers = bulkInsertLiterals(
    'legal_request_identifiers',
    identifierColumns,
    batch.identifiers,
    sql`where c1::uuid in (select id from inserted)`,
  );
  const inserted = await sql<{ id: string }>`
    with inserted as (${requests}), identifiers as (${identifiers})
    select id from inserted`.execute(db);
  return new Set(inserted.rows.map((r) => r.id));
}

export async function insertImport(db: Db, row: Insertable<Database['imports']>) {
  await db.insertInto('imports').values(row).execute();
}

export async function listImports(db: Db, kind: string, limit: number) {
  return db
    .selectFrom('imports as i')
    .leftJoin('users as u', 'u.id', 'i.created_by')
    .select([
      'i.id',
      'i.filename',
      'i.sha256',
      'i.mode',
      'i.rows_total',
      'i.created',
      'i.skipped',
      'i.rejected',
      'i.agencies_created',
      'i.created_by',
      'u.name as created_by_name',
      'i.created_at',
    ])
    .where('i.kind', '=', kind)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
}
