import { compiledOnce } from '@docket/db/compiled-once';
import type { Database } from '@docket/db/database';
import { type Kysely, sql, type Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

/** People only: an API token's row never signs in, nor is found by its address. */
export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).where('kind', '=', 'person').executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSession(
  db: Db,
  row: {
    id: string;
    userId: string;
    now: Date;
    twoFactorVerified: boolean;
    ip: string | null;
    userAgent: string | null;
  },
) {
  return db
    .insertInto('sessions')
    .values({
      id: row.id,
      user_id: row.userId,
      created_at: row.now,
      last_active_at: row.now,
      two_factor_verified: row.twoFactorVerified,
      ip: row.ip,
      user_agent: row.userAgent,
    })
    .returning(['public_id'])
    .executeTakeFirstOrThrow();
}

/** The session, its person and the 2-step rule in one round trip: this runs on every request. */
const sessionWithUser = compiledOnce((db, sessionId: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('settings as st', (join) => join.on('st.id', '=', true))
    .select([
      's.id',
      's.public_id',
      's.created_at',
      's.last_active_at',
      's.two_factor_verified',
      'u.id as user_id',
      'u.email',
      'u.name',
      'u.role',
      'u.status',
      'u.totp_enabled_at',
      'st.require_two_factor_for',
    ])
    .where('s.id', '=', sessionId)
    .where('u.kind', '=', 'person'),
);

export async function findSessionWithUser(db: Db, sessionId: string) {
  const [row] = await sessionWithUser(db, sessionId);
  return row;
}

export type SessionWithUser = NonNullable<Awaited<ReturnType<typeof findSessionWithUser>>>;

export async function touchSession(db: Db, sessionId: string, now: Date) {
  await db.updateTable('sessions').set({ last_active_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listUserSessions(db: Db, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'public_id', 'created_at', 'last_active_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('last_active_at', 'desc')
    .execute();
}

export async function deleteSessionByPublicId(db: Db, userId: string, publicId: string) {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('public_id', '=', publicId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, idleBefore: Date, createdBefore: Date) {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_active_at', '<', idleBefore), eb('created_at', '<', createdBefore)]))
    .execute();
}

/** Marks a TOTP step used; false if that step (or a later one) was already used: a replay. */
export async function claimTotpStep(db: Db, userId: string, step: number) {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[]) {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (codeHashes.length > 0) {
    await db
      .insertInto('recovery_codes')
      .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
      .execute();
  }
}

/** Uses a recovery code once; false if it is unknown or already used. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string, now: Date) {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string) {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findThrottles(db: Db, keys: string[]) {
  return db.selectFrom('sign_in_throttles').selectAll().where('key', 'in', keys).execute();
}

/** Counts one more failure for a key, starting afresh when the last failure is older than the window. */
export async function recordThrottleFailure(db: Db, key: string, now: Date, windowStart: Date) {
  return db
    .insertInto('sign_in_throttles')
    .values({ key, failures: 1, last_failure_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when sign_in_throttles.last_failure_at < ${windowStart} then 1 else sign_in_throttles.failures + 1 end`,
        last_failure_at: now,
      }),
    )
    .returning(['failures'])
    .executeTakeFirstOrThrow();
}

export async function setThrottleLock(db: Db, key: string, lockedUntil: Date) {
  await db.updateTable('sign_in_throttles').set({ locked_until: lockedUntil }).where('key', '=', key).execute();
}

export async function clearThrottle(db: Db, key: string) {
  await db.deleteFrom('sign_in_throttles').where('key', '=', key).execute();
}
