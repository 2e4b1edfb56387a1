import type { Database } from '@docket/db/database';
import type { Me, SessionView, SignInNext } from '@docket/shared/auth.schemas';
import { can } from '@docket/shared/permissions';
import type { Role } from '@docket/shared/roles';
import type { Transaction } from 'kysely';
import type { AppDeps, Auth } from '../../lib/context';
import { decryptSecret, encryptSecret } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { recordAudit, recordAuditAlone } from '../audit/audit.service';
import { getSettingsRow } from '../settings/settings.queries';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './auth.password';
import {
  claimTotpStep,
  deleteSession,
  deleteSessionByPublicId,
  deleteUserSessions,
  findUserByEmail,
  findUserById,
  listUserSessions,
  replaceRecoveryCodes,
  useRecoveryCode,
} from './auth.queries';
import { createSession, nextStep, sessionExpiresAt } from './auth.sessions';
import {
  accountKey,
  accountRule,
  assertNotThrottled,
  clearFailures,
  ipKey,
  ipRule,
  recordFailure,
  secondStepKey,
  secondStepRule,
} from './auth.throttle';
import { enrollmentDetails, hashRecoveryCode, matchTotpStep, newRecoveryCodes, newTotpKey } from './auth.totp';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export interface NewSession {
  token: string;
  maxAgeSeconds: number;
  me: Me;
}

export function toMe(auth: Auth): Me {
  return { ...auth.user, fullySignedIn: auth.fullySignedIn, next: auth.next };
}

function meFor(
  user: { id: string; email: string; name: string; role: Role; twoFactorEnabled: boolean },
  next: SignInNext,
): Me {
  return { ...user, fullySignedIn: next === 'done' && can(user.role, 'self.manage'), next };
}

const invalidCredentials = () => new AppError('invalid_credentials', 'Email or password is incorrect');

export async function signIn(
  deps: AppDeps,
  input: { email: string; password: string },
  meta: RequestMeta,
  previousSessionId: string | null,
): Promise<NewSession> {
  const { db, clock } = deps;
  const keys = [accountKey(input.email), ...(meta.ip ? [ipKey(meta.ip)] : [])];
  await assertNotThrottled(db, clock, keys);

  const user = await findUserByEmail(db, input.email);
  const passwordOk =
    user?.password_hash && user.status !== 'removed'
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyAgainstDummy(input.password);
  const actor = { userId: null, requestId: meta.requestId };
  if (!user || !passwordOk || !user.email || !user.name) {
    await recordFailure(db, clock, accountKey(input.email), accountRule);
    if (meta.ip) await recordFailure(db, clock, ipKey(meta.ip), ipRule);
    // No email in the trail: an unknown address may be a typo of someone's personal data.
    await recordAuditAlone(db, clock, actor, {
      action: 'auth.sign_in_failed',
      entityType: user ? 'user' : 'sign_in',
      entityId: user?.id ?? null,
      changes: { reason: 'invalid_credentials' },
    });
    throw invalidCredentials();
  }
  if (user.status !== 'active') {
    await recordAuditAlone(db, clock, actor, {
      action: 'auth.sign_in_failed',
      entityType: 'user',
      entityId: user.id,
      changes: { reason: 'account_disabled' },
    });
    throw new AppError('account_disabled', 'This account is disabled. Ask an administrator to enable it.');
  }
  await clearFailures(db, accountKey(input.email));

  const settings = await getSettingsRow(db);
  const role = user.role as Role;
  const twoFactorEnabled = user.totp_enabled_at !== null;
  const next = nextStep({
    role,
    twoFactorEnabled,
    twoFactorVerified: false,
    requireTwoFactorFor: settings.require_two_factor_for,
  });
  return db.transaction().execute(async (trx) => {
    // A fresh token on every sign-in (no session fixation); an earlier session on this browser ends.
    if (previousSessionId) await deleteSession(trx, previousSessionId);
    const session = await createSession(deps, trx, {
      userId: user.id,
      twoFactorVerified: false,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    if (next === 'done') {
      await trx.updateTable('users').set({ last_sign_in_at: clock.now() }).where('id', '=', user.id).execute();
    }
    await recordAudit(
      trx,
      clock,
      { userId: user.id, requestId: meta.requestId },
      {
        action: next === 'done' ? 'auth.signed_in' : 'auth.password_accepted',
        entityType: 'user',
        entityId: user.id,
        changes: { method: 'password', next },
      },
    );
    return {
      ...session,
      me: meFor({ id: user.id, email: user.email as string, name: user.name as string, role, twoFactorEnabled }, next),
    };
  });
}

async function loadTotpKey(deps: AppDeps, userId: string, column: 'totp_secret_enc' | 'totp_pending_secret_enc') {
  const user = await findUserById(deps.db, userId);
  const sealed = user?.[column];
  if (!sealed) return null;
  return decryptSecret(deps.config.secretKey, sealed);
}

/** Checks a TOTP code and uses up its time step inside the caller's transaction. */
async function consumeTotpCode(deps: AppDeps, trx: AppDeps['db'], userId: string, key: Uint8Array, code: string) {
  const step = matchTotpStep(key, code, deps.clock.now());
  if (step === null) return 'wrong' as const;
  return (await claimTotpStep(trx, userId, step)) ? ('ok' as const) : ('replayed' as const);
}

function codeError(result: 'wrong' | 'replayed' | 'unknown_recovery_code'): AppError {
  if (result === 'replayed') {
    return new AppError('invalid_code', 'That code has already been used. Wait for the next code from your app.');
  }
  if (result === 'unknown_recovery_code')
    return new AppError('invalid_code', 'That recovery code is not valid or was already used');
  return new AppError('invalid_code', 'That code is not correct. Check your authenticator app and try again.');
}

export async function completeSecondStep(
  deps: AppDeps,
  auth: Auth,
  input: { code: string } | { recoveryCode: string },
  meta: RequestMeta,
): Promise<NewSession> {
  if (auth.next !== 'verify') {
    throw new AppError(
      'conflict',
      auth.next === 'enroll' ? 'Set up 2-step verification first' : 'This session is already verified',
    );
  }
  const { db, clock } = deps;
  const userId = auth.user.id;
  await assertNotThrottled(db, clock, [secondStepKey(userId)]);
  const key = await loadTotpKey(deps, userId, 'totp_secret_enc');
  if (!key) throw new AppError('conflict', '2-step verification is not set up for this account');
  const method = 'code' in input ? 'totp' : 'recovery_code';
  const actor = { userId, requestId: meta.requestId };

  const outcome = await db.transaction().execute(async (trx) => {
    const result =
      'code' in input
        ? await consumeTotpCode(deps, trx, userId, key, input.code)
        : (await useRecoveryCode(trx, userId, hashRecoveryCode(input.recoveryCode), clock.now()))
          ? 'ok'
          : 'unknown_recovery_code';
    if (result !== 'ok') return { result } as const;
    await deleteSession(trx, auth.session.id);
    const session = await createSession(deps, trx, {
      userId,
      twoFactorVerified: true,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    await trx.updateTable('users').set({ last_sign_in_at: clock.now() }).where('id', '=', userId).execute();
    await recordAudit(trx, clock, actor, {
      action: 'auth.signed_in',
      entityType: 'user',
      entityId: userId,
      changes: { method },
    });
    return { result, session } as const;
  });
  if (outcome.result !== 'ok') {
    await recordFailure(db, clock, secondStepKey(userId), secondStepRule);
    await recordAuditAlone(db, clock, actor, {
      action: 'auth.second_step_failed',
      entityType: 'user',
      entityId: userId,
      changes: { method, reason: outcome.result },
    });
    throw codeError(outcome.result);
  }
  await clearFailures(db, secondStepKey(userId));
  return { ...outcome.session, me: meFor(auth.user, 'done') };
}

function assertMayEnroll(auth: Auth): void {
  if (auth.user.twoFactorEnabled) {
    throw new AppError('conflict', '2-step verification is already on. Turn it off first to set up a new device.');
  }
  if (!auth.fullySignedIn && auth.next !== 'enroll') {
    throw new AppError('two_factor_required', 'Enter your 2-step verification code to continue');
  }
}

export async function startEnrollment(deps: AppDeps, auth: Auth, meta: RequestMeta) {
  assertMayEnroll(auth);
  const key = newTotpKey();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_pending_secret_enc: encryptSecret(deps.config.secretKey, key) })
      .where('id', '=', auth.user.id)
      .execute();
    await recordAudit(
      trx,
      deps.clock,
      { userId: auth.user.id, requestId: meta.requestId },
      {
        action: 'auth.two_factor_enrollment_started',
        entityType: 'user',
        entityId: auth.user.id,
      },
    );
  });
  return enrollmentDetails(key, auth.user.email);
}

export async function confirmEnrollment(
  deps: AppDeps,
  auth: Auth,
  code: string,
  meta: RequestMeta,
): Promise<NewSession & { recoveryCodes: string[] }> {
  assertMayEnroll(auth);
  const { db, clock } = deps;
  const userId = auth.user.id;
  await assertNotThrottled(db, clock, [secondStepKey(userId)]);
  const key = await loadTotpKey(deps, userId, 'totp_pending_secret_enc');
  if (!key) throw new AppError('conflict', 'Start the set-up again: no pending 2-step verification was found');
  const step = matchTotpStep(key, code, clock.now());
  if (step === null) {
    await recordFailure(db, clock, secondStepKey(userId), secondStepRule);
    throw codeError('wrong');
  }
  const recovery = newRecoveryCodes();
  const session = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        totp_secret_enc: encryptSecret(deps.config.secretKey, key),
        totp_pending_secret_enc: null,
        totp_enabled_at: clock.now(),
        totp_last_step: step,
        last_sign_in_at: auth.fullySignedIn ? undefined : clock.now(),
        updated_at: clock.now(),
      })
      .where('id', '=', userId)
      .execute();
    await replaceRecoveryCodes(trx, userId, recovery.hashes);
    await deleteSession(trx, auth.session.id);
    const created = await createSession(deps, trx, {
      userId,
      twoFactorVerified: true,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    await recordAudit(
      trx,
      clock,
      { userId, requestId: meta.requestId },
      {
        action: 'auth.two_factor_enabled',
        entityType: 'user',
        entityId: userId,
        changes: { recoveryCodes: recovery.codes.length },
      },
    );
    return created;
  });
  await clearFailures(db, secondStepKey(userId));
  return { ...session, me: meFor({ ...auth.user, twoFactorEnabled: true }, 'done'), recoveryCodes: recovery.codes };
}

/** Runs `action` only if `code` is a fresh, correct TOTP code for the signed-in person. */
async function withFreshCode<T>(
  deps: AppDeps,
  auth: Auth,
  code: string,
  meta: RequestMeta,
  action: (trx: Transaction<Database>) => Promise<T>,
) {
  const { db, clock } = deps;
  const userId = auth.user.id;
  await assertNotThrottled(db, clock, [secondStepKey(userId)]);
  const key = await loadTotpKey(deps, userId, 'totp_secret_enc');
  if (!key) throw new AppError('conflict', '2-step verification is not on for this account');
  const outcome = await db.transaction().execute(async (trx) => {
    const result = await consumeTotpCode(deps, trx, userId, key, code);
    if (result !== 'ok') return { result } as const;
    return { result, value: await action(trx) } as const;
  });
  if (outcome.result !== 'ok') {
    await recordFailure(db, clock, secondStepKey(userId), secondStepRule);
    await recordAuditAlone(
      db,
      clock,
      { userId, requestId: meta.requestId },
      {
        action: 'auth.second_step_failed',
        entityType: 'user',
        entityId: userId,
        changes: { method: 'totp', reason: outcome.result },
      },
    );
    throw codeError(outcome.result);
  }
  return outcome.value;
}

export async function disableTwoFactor(deps: AppDeps, auth: Auth, code: string, meta: RequestMeta): Promise<Me> {
  const settings = await getSettingsRow(deps.db);
  if (settings.require_two_factor_for.includes(auth.user.role)) {
    throw new AppError(
      'conflict',
      `2-step verification is required for the ${auth.user.role} role and cannot be turned off`,
    );
  }
  await withFreshCode(deps, auth, code, meta, async (trx) => {
    await trx
      .updateTable('users')
      .set({
        totp_secret_enc: null,
        totp_pending_secret_enc: null,
        totp_enabled_at: null,
        updated_at: deps.clock.now(),
      })
      .where('id', '=', auth.user.id)
      .execute();
    await replaceRecoveryCodes(trx, auth.user.id, []);
    await recordAudit(
      trx,
      deps.clock,
      { userId: auth.user.id, requestId: meta.requestId },
      {
        action: 'auth.two_factor_disabled',
        entityType: 'user',
        entityId: auth.user.id,
      },
    );
  });
  return meFor({ ...auth.user, twoFactorEnabled: false }, 'done');
}

export async function regenerateRecoveryCodes(
  deps: AppDeps,
  auth: Auth,
  code: string,
  meta: RequestMeta,
): Promise<string[]> {
  const recovery = newRecoveryCodes();
  await withFreshCode(deps, auth, code, meta, async (trx) => {
    await replaceRecoveryCodes(trx, auth.user.id, recovery.hashes);
    await recordAudit(
      trx,
      deps.clock,
      { userId: auth.user.id, requestId: meta.requestId },
      {
        action: 'auth.recovery_codes_regenerated',
        entityType: 'user',
        entityId: auth.user.id,
        changes: { recoveryCodes: recovery.codes.length },
      },
    );
  });
  return recovery.codes;
}

export async function changeOwnPassword(
  deps: AppDeps,
  auth: Auth,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const { db, clock } = deps;
  const key = accountKey(auth.user.email);
  await assertNotThrottled(db, clock, [key]);
  const user = await findUserById(db, auth.user.id);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordFailure(db, clock, key, accountRule);
    throw new AppError('validation_failed', 'currentPassword: Current password is incorrect', {
      issues: [{ path: 'currentPassword', message: 'Current password is incorrect' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({ password_hash: passwordHash, updated_at: clock.now(), version: eb('version', '+', 1) }))
      .where('id', '=', auth.user.id)
      .execute();
    const ended = await deleteUserSessions(trx, auth.user.id, auth.session.id);
    await recordAudit(
      trx,
      clock,
      { userId: auth.user.id, requestId: meta.requestId },
      {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: auth.user.id,
        changes: { by: 'self', otherSessionsEnded: ended },
      },
    );
  });
}

export async function signOut(deps: AppDeps, auth: Auth, meta: RequestMeta): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, auth.session.id);
    await recordAudit(
      trx,
      deps.clock,
      { userId: auth.user.id, requestId: meta.requestId },
      {
        action: 'auth.signed_out',
        entityType: 'user',
        entityId: auth.user.id,
      },
    );
  });
}

export async function listOwnSessions(deps: AppDeps, auth: Auth): Promise<SessionView[]> {
  const rows = await listUserSessions(deps.db, auth.user.id);
  return rows.map((row) => ({
    id: row.public_id,
    current: row.id === auth.session.id,
    createdAt: row.created_at.toISOString(),
    lastActiveAt: row.last_active_at.toISOString(),
    expiresAt: sessionExpiresAt(deps, row.created_at, row.last_active_at).toISOString(),
    ip: row.ip,
    userAgent: row.user_agent,
  }));
}

export async function endOwnSession(deps: AppDeps, auth: Auth, publicId: string, meta: RequestMeta): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const ended = await deleteSessionByPublicId(trx, auth.user.id, publicId);
    // Someone else's session id gets the same answer as an unknown one.
    if (ended === 0) throw new AppError('not_found', 'Session not found');
    await recordAudit(
      trx,
      deps.clock,
      { userId: auth.user.id, requestId: meta.requestId },
      {
        action: 'auth.session_ended',
        entityType: 'user',
        entityId: auth.user.id,
        changes: { sessionId: publicId },
      },
    );
  });
}

export async function endOtherSessions(deps: AppDeps, auth: Auth, meta: RequestMeta): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const ended = await deleteUserSessions(trx, auth.user.id, auth.session.id);
    await recordAudit(
      trx,
      deps.clock,
      { userId: auth.user.id, requestId: meta.requestId },
      {
        action: 'auth.other_sessions_ended',
        entityType: 'user',
        entityId: auth.user.id,
        changes: { ended },
      },
    );
    return ended;
  });
}
