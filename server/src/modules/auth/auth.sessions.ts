import type { SignInNext } from '@docket/shared/auth.schemas';
import { can } from '@docket/shared/permissions';
import type { Role } from '@docket/shared/roles';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { AppDeps, Auth } from '../../lib/context';
import { sha256Hex } from '../../lib/crypto';
import { deleteSession, findSessionWithUser, insertSession, type SessionWithUser, touchSession } from './auth.queries';

// Lucia's session design: a random token in the cookie, only its SHA-256 in the database.

/** 160 random bits. */
export function generateSessionToken(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export const sessionIdFromToken = (token: string) => sha256Hex(token);

/** Last-active is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export function sessionLimits(deps: AppDeps) {
  return {
    idleMs: deps.config.sessionIdleMinutes * 60 * 1000,
    absoluteMs: deps.config.sessionAbsoluteHours * 60 * 60 * 1000,
  };
}

export function sessionExpiresAt(deps: AppDeps, createdAt: Date, lastActiveAt: Date): Date {
  const { idleMs, absoluteMs } = sessionLimits(deps);
  return new Date(Math.min(lastActiveAt.getTime() + idleMs, createdAt.getTime() + absoluteMs));
}

export async function createSession(
  deps: AppDeps,
  db: AppDeps['db'],
  input: { userId: string; twoFactorVerified: boolean; ip: string | null; userAgent: string | null },
): Promise<{ token: string; maxAgeSeconds: number }> {
  const token = generateSessionToken();
  await insertSession(db, { id: sessionIdFromToken(token), now: deps.clock.now(), ...input });
  return { token, maxAgeSeconds: Math.floor(sessionLimits(deps).absoluteMs / 1000) };
}

export function nextStep(input: {
  role: Role;
  twoFactorEnabled: boolean;
  twoFactorVerified: boolean;
  requireTwoFactorFor: readonly string[];
}): SignInNext {
  if (input.twoFactorVerified) return 'done';
  if (input.twoFactorEnabled) return 'verify';
  if (input.requireTwoFactorFor.includes(input.role)) return 'enroll';
  return 'done';
}

/** The person behind a token, or null if the session is unknown, expired or its person may no longer sign in. */
export async function validateSessionToken(deps: AppDeps, token: string): Promise<Auth | null> {
  const sessionId = sessionIdFromToken(token);
  const now = deps.clock.now();
  const usable = (row: SessionWithUser): row is SessionWithUser & { email: string; name: string } =>
    now < sessionExpiresAt(deps, row.created_at, row.last_active_at) &&
    row.status === 'active' &&
    Boolean(row.email) &&
    Boolean(row.name);
  // A cached read that says no is not trusted: only the database's own answer ends a session.
  let row = deps.sessionCache.get(sessionId);
  if (!row || !usable(row)) {
    deps.sessionCache.delete(sessionId);
    row = await findSessionWithUser(deps.db, sessionId);
    if (!row) return null;
    if (!usable(row)) {
      await deleteSession(deps.db, sessionId);
      return null;
    }
    deps.sessionCache.set(sessionId, row);
  }
  if (now.getTime() - row.last_active_at.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(deps.db, sessionId, now);
    row.last_active_at = now;
  }
  const role = row.role as Role;
  const twoFactorEnabled = row.totp_enabled_at !== null;
  const next = nextStep({
    role,
    twoFactorEnabled,
    twoFactorVerified: row.two_factor_verified,
    requireTwoFactorFor: row.require_two_factor_for,
  });
  return {
    session: {
      id: row.id,
      publicId: row.public_id,
      twoFactorVerified: row.two_factor_verified,
      createdAt: row.created_at,
      lastActiveAt: row.last_active_at,
    },
    user: { id: row.user_id, email: row.email, name: row.name, role, twoFactorEnabled },
    fullySignedIn: next === 'done' && can(role, 'self.manage'),
    next,
  };
}
