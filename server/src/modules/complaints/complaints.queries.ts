import { compiledOnce } from '@docket/db/compiled-once';
import { complaintColumns, type Database } from '@docket/db/database';
import type { ListSort } from '@docket/shared/lists.schemas';
import { type Kysely, sql, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { type Cursor, keysetAfter, keysetOrder, receivedBetween } from '../../lib/keyset';
import { attachmentsJson } from '../attachments/attachments.queries';

type Db = Kysely<Database> | Transaction<Database>;

export async function findComplaint(db: Db, id: string) {
  return db.selectFrom('complaints').select(complaintColumns).where('id', '=', id).executeTakeFirst();
}

/**
 * The complaint with everything its page lists, in one round trip: contacts, escalations (each with its
 * regulator and its correspondence, each of those with its attachments), linked legal requests and
 * attachments, as JSON arrays in display order. In JSON a timestamp is an ISO string, not a Date: the
 * view converts them. Personal data (summaries, attachments) is left out of the view, not the query,
 * for a viewer who may not see it.
 */
const complaintWithLists = compiledOnce((db, id: string) =>
  db
    .selectFrom('complaints as c')
    .select(complaintColumns.map((column) => `c.${column}` as const))
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('complaint_contacts as k')
          .select(['k.id', 'k.occurred_at', 'k.direction', 'k.channel', 'k.summary'])
          .whereRef('k.complaint_id', '=', 'c.id')
          .orderBy('k.occurred_at')
          .orderBy('k.id'),
      ).as('contacts'),
      jsonArrayFrom(
        eb
          .selectFrom('escalations as e')
          .innerJoin('regulators as r', 'r.id', 'e.regulator_id')
          .select((inner) => [
            'e.id',
            'e.regulator_id',
            'r.name as regulator_name',
            'r.short_name as regulator_short_name',
            'r.country as regulator_country',
            'e.opened_at',
            'e.regulator_reference',
            'e.sent_summary',
            'e.regulator_deadline_at',
            'e.update_due_at',
            'e.outcome',
            'e.closed_at',
            'e.version',
            jsonArrayFrom(
              inner
                .selectFrom('escalation_correspondence as m')
                .select((most) => [
                  'm.id',
                  'm.occurred_at',
                  'm.direction',
                  'm.summary',
                  attachmentsJson(most, 'escalation_correspondence', 'm.id').as('attachments'),
                ])
                .whereRef('m.escalation_id', '=', 'e.id')
                .orderBy('m.occurred_at')
                .orderBy('m.id'),
            ).as('correspondence'),
          ])
          .whereRef('e.complaint_id', '=', 'c.id')
          .orderBy('e.opened_at')
          .orderBy('e.id'),
      ).as('escalations'),
      jsonArrayFrom(
        eb
          .selectFrom('complaint_legal_requests as l')
          .innerJoin('legal_requests as lr', 'lr.id', 'l.legal_request_id')
          .select(['lr.id', 'lr.reference'])
          .whereRef('l.complaint_id', '=', 'c.id')
          .orderBy('lr.reference'),
      ).as('legal_requests'),
      attachmentsJson(eb, 'complaint', 'c.id').as('attachments'),
    ])
    .where('c.id', '=', id),
);

export async function findComplaintWithLists(db: Db, id: string) {
  const [row] = await complaintWithLists(db, id);
  return row;
}

export async function lockComplaint(db: Transaction<Database>, id: string) {
  return db.selectFrom('complaints').select(complaintColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listEscalations(db: Db, complaintId: string) {
  return db
    .selectFrom('escalations as e')
    .innerJoin('regulators as r', 'r.id', 'e.regulator_id')
    .selectAll('e')
    .select(['r.name as regulator_name', 'r.short_name as regulator_short_name', 'r.country as regulator_country'])
    .where('e.complaint_id', '=', complaintId)
    .orderBy('e.opened_at')
    .orderBy('e.id')
    .execute();
}

export async function replaceLinks(db: Db, complaintId: string, legalRequestIds: string[]) {
  await db.deleteFrom('complaint_legal_requests').where('complaint_id', '=', complaintId).execute();
  if (legalRequestIds.length) {
    await db
      .insertInto('complaint_legal_requests')
      .values(legalRequestIds.map((legal_request_id) => ({ complaint_id: complaintId, legal_request_id })))
      .execute();
  }
}

export async function existingLegalRequests(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return (await db.selectFrom('legal_requests').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
}

export interface ComplaintQueueFilter {
  view: 'all' | 'open' | 'overdue' | 'due_soon';
  now: Date;
  status?: string[] | undefined;
  category?: string | undefined;
  regulatorId?: string | undefined;
  emailIndex?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  sort: ListSort;
  after?: Cursor | undefined;
  limit: number;
}

export async function complaintQueue(db: Db, f: ComplaintQueueFilter) {
  let q = db
    .selectFrom('complaints as c')
    .select(complaintColumns.map((column) => `c.${column}` as const))
    // A look-up per listed row, not exists(…): PostgreSQL would hash every escalation for each page.
    .select(
      sql<boolean>`(select true from escalations e where e.complaint_id = c.id limit 1) is not null`.as(
        'escalated_any',
      ),
    )
    .limit(f.limit + 1);
  for (const order of keysetOrder(f.sort, 'c')) q = q.orderBy(order);
  const soon = new Date(f.now.getTime() + 7 * 24 * 60 * 60 * 1000);
  // A literal, not a parameter: the partial index of open complaints (migration 0009) serves it in a prepared plan.
  if (f.view === 'open') q = q.where(sql<boolean>`c.status <> 'closed'`);
  if (f.view === 'overdue') q = q.where('c.next_deadline_at', '<', f.now);
  if (f.view === 'due_soon') q = q.where('c.next_deadline_at', '>=', f.now).where('c.next_deadline_at', '<', soon);
  if (f.status?.length) q = q.where('c.status', 'in', f.status);
  if (f.category) q = q.where('c.category', '=', f.category);
  if (f.emailIndex) q = q.where('c.complainant_email_index', '=', f.emailIndex);
  if (f.regulatorId) {
    const regulatorId = f.regulatorId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('escalations as e')
          .select('e.id')
          .whereRef('e.complaint_id', '=', 'c.id')
          .where('e.regulator_id', '=', regulatorId),
      ),
    );
  }
  const received = receivedBetween('c', f.receivedFrom, f.receivedTo);
  if (received) q = q.where(received);
  if (f.after) q = q.where(keysetAfter(f.after, 'c'));
  return q.execute();
}
