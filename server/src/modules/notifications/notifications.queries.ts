import type { Database } from '@docket/db/database';
import { endedStatuses } from '@docket/shared/legal-requests.schemas';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export const NOTIFICATION_COLUMNS = [
  'id',
  'kind',
  'entity_type',
  'entity_id',
  'clock',
  'due_at',
  'title',
  'created_at',
  'read_at',
] as const;

// --- The signed-in person's own list ---

export interface NotificationCursor {
  createdAt: Date;
  id: string;
}

/** Newest first, by (created_at, id) descending; only the person's own rows. */
export async function listForUser(
  db: Db,
  userId: string,
  f: { unread: boolean; after?: NotificationCursor | undefined; limit: number },
) {
  let q = db
    .selectFrom('notifications')
    .select(NOTIFICATION_COLUMNS)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1);
  if (f.unread) q = q.where('read_at', 'is', null);
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]),
    );
  }
  return q.execute();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findOwn(db: Db, userId: string, id: string) {
  return db
    .selectFrom('notifications')
    .select(NOTIFICATION_COLUMNS)
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function markRead(db: Db, userId: string, id: string, now: Date) {
  return db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .returning(NOTIFICATION_COLUMNS)
    .executeTakeFirst();
}

export async function markAllRead(db: Db, userId: string, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

// --- What the reminder run reads ---

/**
 * Legal requests that may need a reminder: a clock due before `soon` (next_deadline_at is the earliest
 * clock still open, whatever the time), or a nondisclosure order that ended while notice is still owed.
 */
export async function legalRequestCandidates(db: Db, soon: Date, today: string) {
  return db
    .selectFrom('legal_requests')
    .select([
      'id',
      'reference',
      'status',
      'assignee_id',
      'due_at',
      'preservation_expires_at',
      'follow_up_due_at',
      'follow_up_received_at',
      'notice_decision',
      'notified_at',
      'nondisclosure_kind',
      'nondisclosure_until',
      'emergency',
    ])
    .where((eb) =>
      eb.or([
        eb('next_deadline_at', '<', soon),
        eb.and([
          eb('nondisclosure_kind', '=', 'until'),
          eb('nondisclosure_until', '<=', today),
          eb('notified_at', 'is', null),
          eb.or([
            eb.and([eb('notice_decision', '=', 'delay'), eb('status', '<>', 'withdrawn')]),
            eb.and([eb('notice_decision', 'is', null), eb('status', 'not in', endedStatuses)]),
          ]),
        ]),
      ]),
    )
    .orderBy('id')
    .execute();
}

export async function complaintCandidates(db: Db, soon: Date) {
  return db
    .selectFrom('complaints')
    .select([
      'id',
      'reference',
      'status',
      'regime',
      'received_at',
      'acknowledged_at',
      'first_contact_at',
      'response_due_at',
      'resolved_at',
      'extension_told_at',
      'created_by',
    ])
    .where('next_deadline_at', '<', soon)
    .orderBy('id')
    .execute();
}

export async function escalationsOf(db: Db, complaintIds: string[]) {
  if (complaintIds.length === 0) return [];
  return db
    .selectFrom('escalations')
    .select(['complaint_id', 'update_due_at', 'regulator_deadline_at', 'closed_at'])
    .where('complaint_id', 'in', complaintIds)
    .execute();
}

/** Active people (never API tokens) with one of the roles. */
export async function activePeople(db: Db, roles: readonly string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('status', '=', 'active')
    .where('kind', '=', 'person')
    .where('role', 'in', [...roles])
    .orderBy('id')
    .execute();
}

/** The due keys already recorded for these cases: user|kind|entity|clock|due. */
export async function existingKeys(db: Db, entityIds: string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (let i = 0; i < entityIds.length; i += 1000) {
    const rows = await db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'entity_type', 'entity_id', 'clock', 'due_at'])
      .where('entity_id', 'in', entityIds.slice(i, i + 1000))
      .execute();
    for (const r of rows) {
      keys.add(dueKey(r.user_id, r.kind, r.entity_type, r.entity_id, r.clock, r.due_at));
    }
  }
  return keys;
}

export const dueKey = (userId: string, kind: string, entityType: string, entityId: string, clock: string, due: Date) =>
  `${userId}|${kind}|${entityType}|${entityId}|${clock}|${due.toISOString()}`;

/** Inserts what is new; a row some other run inserted first is skipped by the unique due key. */
export async function insertNotifications(trx: Transaction<Database>, rows: Insertable<Database['notifications']>[]) {
  const inserted: { id: string; user_id: string; kind: string; entity_type: string; entity_id: string }[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    inserted.push(
      ...(await trx
        .insertInto('notifications')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['user_id', 'kind', 'entity_type', 'entity_id', 'clock', 'due_at']).doNothing())
        .returning(['id', 'user_id', 'kind', 'entity_type', 'entity_id'])
        .execute()),
    );
  }
  return inserted;
}

// --- Email outbox ---

/**
 * Leases up to `limit` unsent emails to this sender until `leaseUntil`: rows another sender holds
 * (row lock or unexpired lease) are skipped, so no email goes out twice at the same time.
 */
export async function claimEmails(
  trx: Transaction<Database>,
  f: { now: Date; notBefore: Date; leaseUntil: Date; limit: number },
) {
  const ids = trx
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select('n.id')
    .where('n.email_sent_at', 'is', null)
    .where((eb) => eb.or([eb('n.email_next_attempt_at', 'is', null), eb('n.email_next_attempt_at', '<=', f.now)]))
    // A reminder that could not go out for a week is stale; the list in the app still has it.
    .where('n.created_at', '>', f.notBefore)
    .where('u.status', '=', 'active')
    .where('u.email', 'is not', null)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .limit(f.limit)
    .forUpdate('n')
    .skipLocked();
  const claimed = await trx
    .updateTable('notifications')
    .set({ email_next_attempt_at: f.leaseUntil })
    .where('id', 'in', ids)
    // Checked again on the row as it is now, in case another sender changed it meanwhile.
    .where('email_sent_at', 'is', null)
    .where((eb) => eb.or([eb('email_next_attempt_at', 'is', null), eb('email_next_attempt_at', '<=', f.now)]))
    .returning(['id', 'user_id', 'kind', 'entity_type', 'entity_id', 'due_at', 'title', 'email_attempts'])
    .execute();
  if (claimed.length === 0) return [];
  const emails = await trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where(
      'id',
      'in',
      claimed.map((c) => c.user_id),
    )
    .execute();
  const emailOf = new Map(emails.map((u) => [u.id, u.email]));
  return claimed.map((c) => ({ ...c, email: emailOf.get(c.user_id) ?? null })).sort((a, b) => a.id.localeCompare(b.id));
}

export async function markEmailSent(db: Db, id: string, now: Date) {
  const row = await db
    .updateTable('notifications')
    .set({ email_sent_at: now, email_next_attempt_at: null })
    .where('id', '=', id)
    .where('email_sent_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markEmailFailed(db: Db, id: string, retryAt: Date) {
  await db
    .updateTable('notifications')
    .set((eb) => ({ email_attempts: eb('email_attempts', '+', 1), email_next_attempt_at: retryAt }))
    .where('id', '=', id)
    .where('email_sent_at', 'is', null)
    .execute();
}

/** Takes the transaction-scoped advisory lock if no one holds it; false when another server does. */
export async function tryLock(trx: Transaction<Database>, key: number): Promise<boolean> {
  const result = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${sql.lit(key)}) as ok`.execute(trx);
  return result.rows[0]?.ok === true;
}
