import { compiledOnce } from '@docket/db/compiled-once';
import { type Database, legalRequestColumns } from '@docket/db/database';
import { endedStatuses } from '@docket/shared/legal-requests.schemas';
import type { ListSort } from '@docket/shared/lists.schemas';
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { type Cursor, keysetAfter, keysetOrder, receivedBetween } from '../../lib/keyset';
import { startsWith } from '../../lib/prefix';
import { attachmentsJson } from '../attachments/attachments.queries';

type Db = Kysely<Database> | Transaction<Database>;

/** Next number in a per-year series (LR-2026-00042); the row lock makes concurrent creates take turns. */
export async function nextReferenceNumber(db: Db, prefix: string, year: number): Promise<number> {
  const row = await db
    .insertInto('reference_counters')
    .values({ prefix, year, last: 1 })
    .onConflict((oc) => oc.columns(['prefix', 'year']).doUpdateSet({ last: sql<number>`reference_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export async function insertRequest(db: Db, row: Insertable<Database['legal_requests']>) {
  return db.insertInto('legal_requests').values(row).returning(legalRequestColumns).executeTakeFirstOrThrow();
}

export async function insertIdentifiers(db: Db, requestId: string, identifiers: { kind: string; value: string }[]) {
  return db
    .insertInto('legal_request_identifiers')
    .values(identifiers.map((identifier, position) => ({ request_id: requestId, position, ...identifier })))
    .returningAll()
    .execute();
}

export async function lockRequest(db: Transaction<Database>, id: string) {
  return db
    .selectFrom('legal_requests')
    .select(legalRequestColumns)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The case with everything its page lists, in one round trip: identifiers, notes, pushbacks and
 * attachments come back as JSON arrays in their display order. In JSON a timestamp is an ISO string,
 * not a Date: the view converts them.
 */
const requestWithLists = compiledOnce((db, id: string) =>
  db
    .selectFrom('legal_requests as r')
    .select(legalRequestColumns.map((c) => `r.${c}` as const))
    .select((eb) => [
      // Names by primary key. As joins, the generic plan of this prepared statement hashed the whole
      // agency registry and scanned every user on each read.
      eb
        .selectFrom('agencies as a')
        .select('a.name')
        .whereRef('a.id', '=', 'r.agency_id')
        .$asScalar()
        .as('agency_name'),
      eb.selectFrom('users as u').select('u.name').whereRef('u.id', '=', 'r.assignee_id').as('assignee_name'),
      jsonArrayFrom(
        eb
          .selectFrom('legal_request_identifiers as i')
          .select(['i.id', 'i.kind', 'i.value', 'i.in_scope', 'i.outcome'])
          .whereRef('i.request_id', '=', 'r.id')
          .orderBy('i.position'),
      ).as('identifiers'),
      jsonArrayFrom(
        eb
          .selectFrom('legal_request_notes as n')
          .select((eb) => [
            'n.id',
            'n.kind',
            'n.body',
            'n.author_id',
            eb.selectFrom('users as nu').select('nu.name').whereRef('nu.id', '=', 'n.author_id').as('author_name'),
            'n.created_at',
          ])
          .whereRef('n.request_id', '=', 'r.id')
          .orderBy('n.created_at')
          .orderBy('n.id'),
      ).as('notes'),
      jsonArrayFrom(
        eb
          .selectFrom('pushbacks as p')
          .select([
            'p.id',
            'p.grounds',
            'p.asked',
            'p.proposed',
            'p.requester_reply',
            'p.outcome',
            'p.scope_before',
            'p.scope_after',
            'p.created_at',
            'p.resolved_at',
          ])
          .whereRef('p.request_id', '=', 'r.id')
          .orderBy('p.created_at')
          .orderBy('p.id'),
      ).as('pushbacks'),
      attachmentsJson(eb, 'legal_request', 'r.id').as('attachments'),
      // What a kept copy of this page is checked against (migration 2026-11-23-0012), read in the same
      // statement so that they describe exactly the rows above.
      sql<string>`r.xmin::text`.as('page_stamp'),
      eb.selectFrom('page_epochs').select('epoch').as('page_epoch'),
    ])
    .where('r.id', '=', id),
);

/** The case row's version as PostgreSQL keeps it, and the page epoch: has the case page changed? */
const pageStampOf = compiledOnce((db, id: string) =>
  db
    .selectFrom('legal_requests as r')
    .crossJoin('page_epochs as e')
    .select([sql<string>`r.xmin::text`.as('page_stamp'), 'e.epoch as page_epoch'])
    .where('r.id', '=', id),
);

export async function findPageStamp(db: Db, id: string) {
  const [row] = await pageStampOf(db, id);
  return row;
}

export async function findRequestWithLists(db: Db, id: string) {
  const [row] = await requestWithLists(db, id);
  return row;
}

export async function updateRequestAtVersion(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<Database['legal_requests']>,
) {
  return db
    .updateTable('legal_requests')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(legalRequestColumns)
    .executeTakeFirst();
}

export async function listIdentifiers(db: Db, requestId: string) {
  return db
    .selectFrom('legal_request_identifiers')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('position')
    .execute();
}

export async function setIdentifiersInScope(db: Db, requestId: string, keepIds: string[]) {
  await db
    .updateTable('legal_request_identifiers')
    .set({ in_scope: sql<boolean>`id in (${sql.join(keepIds)})` })
    .where('request_id', '=', requestId)
    .execute();
}

export async function setIdentifierOutcome(db: Db, requestId: string, identifierId: string, outcome: string | null) {
  await db
    .updateTable('legal_request_identifiers')
    .set({ outcome })
    .where('request_id', '=', requestId)
    .where('id', '=', identifierId)
    .execute();
}

export async function insertNote(db: Db, row: Insertable<Database['legal_request_notes']>) {
  return db.insertInto('legal_request_notes').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertPushback(db: Db, row: Insertable<Database['pushbacks']>) {
  return db.insertInto('pushbacks').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function findPendingPushback(db: Db, requestId: string) {
  return db
    .selectFrom('pushbacks')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('outcome', '=', 'pending')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function updatePushback(db: Db, id: string, changes: Updateable<Database['pushbacks']>) {
  await db.updateTable('pushbacks').set(changes).where('id', '=', id).execute();
}

export async function userIsActiveStaff(db: Db, id: string, roles: readonly string[]) {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where('kind', '=', 'person') // an API token is never an assignee
    .where('role', 'in', [...roles])
    .executeTakeFirst();
  return row !== undefined;
}

export interface QueueFilter {
  view: 'all' | 'mine' | 'unassigned' | 'overdue' | 'due_soon';
  me: string;
  now: Date;
  status?: string[] | undefined;
  processType?: string[] | undefined;
  country?: string | undefined;
  agencyId?: string | undefined;
  assigneeId?: string | undefined;
  emergency?: boolean | undefined;
  q?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  sort: ListSort;
  after?: Cursor | undefined;
  limit: number;
}

/** Written with literal values: the partial index of open cases (migration 0009) serves it in a prepared plan. */
const isOpen = sql<boolean>`r.status not in (${sql.join(endedStatuses.map((status) => sql.lit(status)))})`;

export async function queue(db: Db, f: QueueFilter) {
  let q = db
    .selectFrom('legal_requests as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .leftJoin('users as u', 'u.id', 'r.assignee_id')
    .select([
      'r.id',
      'r.reference',
      'r.status',
      'r.process_type',
      'a.name as agency_name',
      'r.country',
      'r.received_at',
      'r.due_at',
      'r.next_deadline_at',
      'r.emergency',
      'r.assignee_id',
      'u.name as assignee_name',
      'r.data_categories',
      'r.identifier_count',
    ])
    .limit(f.limit + 1);
  for (const order of keysetOrder(f.sort, 'r')) q = q.orderBy(order);

  const soon = new Date(f.now.getTime() + 7 * 24 * 60 * 60 * 1000);
  if (f.view === 'mine') q = q.where('r.assignee_id', '=', f.me).where(isOpen);
  if (f.view === 'unassigned') q = q.where('r.assignee_id', 'is', null).where(isOpen);
  if (f.view === 'overdue') q = q.where('r.next_deadline_at', '<', f.now);
  if (f.view === 'due_soon') q = q.where('r.next_deadline_at', '>=', f.now).where('r.next_deadline_at', '<', soon);
  if (f.status?.length) q = q.where('r.status', 'in', f.status);
  if (f.processType?.length) q = q.where('r.process_type', 'in', f.processType);
  if (f.country) q = q.where('r.country', '=', f.country);
  if (f.agencyId) q = q.where('r.agency_id', '=', f.agencyId);
  if (f.assigneeId) q = q.where('r.assignee_id', '=', f.assigneeId);
  if (f.emergency !== undefined) q = q.where('r.emergency', '=', f.emergency);
  if (f.q) {
    const term = f.q;
    q = q.where((eb) =>
      eb.or([
        startsWith('r.reference', term.toUpperCase()),
        eb.exists(
          eb
            .selectFrom('legal_request_identifiers as i')
            .select('i.id')
            .whereRef('i.request_id', '=', 'r.id')
            .where('i.value', '=', term),
        ),
      ]),
    );
  }
  const received = receivedBetween('r', f.receivedFrom, f.receivedTo);
  if (received) q = q.where(received);
  if (f.after) q = q.where(keysetAfter(f.after, 'r'));
  return q.execute();
}
