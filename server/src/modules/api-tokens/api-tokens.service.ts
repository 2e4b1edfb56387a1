import type { Database } from '@docket/db/database';
import {
  API_TOKEN_MAX_DAYS,
  API_TOKEN_SECRET_PREFIX,
  type ApiTokenStatus,
  type ApiTokenView,
  type IssuedApiToken,
} from '@docket/shared/api-tokens.schemas';
import type { Role } from '@docket/shared/roles';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock';
import type { Actor, AppDeps, Auth } from '../../lib/context';
import { sha256Hex } from '../../lib/crypto';
import { AppError, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import {
  type ApiTokenListRow,
  findApiTokenView,
  findTokenByHash,
  insertApiToken,
  insertTokenActor,
  listApiTokens,
  lockApiToken,
  markRevoked,
  touchApiToken,
} from './api-tokens.queries';

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Last-used is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;
/** How many characters of the secret (after `dkt_`) lists show to recognise a token. */
const PREFIX_CHARS = 8;

/** `dkt_` and 256 random bits in lower-case base32 (52 characters). */
export function generateApiTokenSecret(): string {
  return `${API_TOKEN_SECRET_PREFIX}${encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)))}`;
}

export const apiTokenHash = (secret: string) => sha256Hex(secret);

function statusOf(row: { revoked_at: Date | null; expires_at: Date }, now: Date): ApiTokenStatus {
  if (row.revoked_at) return 'revoked';
  return now >= row.expires_at ? 'expired' : 'active';
}

function toView(row: ApiTokenListRow, now: Date): ApiTokenView {
  return {
    id: row.id,
    actorId: row.user_id,
    name: row.name,
    role: row.role as Role,
    prefix: row.prefix,
    status: statusOf(row, now),
    createdAt: row.created_at.toISOString(),
    createdById: row.created_by,
    createdByName: row.created_by_name,
    expiresAt: row.expires_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedByName: row.revoked_by_name,
  };
}

export async function listApiTokenViews(ctx: Ctx): Promise<ApiTokenView[]> {
  const now = ctx.clock.now();
  return (await listApiTokens(ctx.db)).map((row) => toView(row, now));
}

const badExpiry = (message: string) =>
  new AppError('validation_failed', `expiresAt: ${message}`, { issues: [{ path: 'expiresAt', message }] });

/** A token only a person can issue: a token issuing tokens would outlive its own expiry and revocation. */
function assertPerson(auth: Auth): void {
  if (auth.apiToken) throw new AppError('forbidden', 'API tokens cannot issue or revoke API tokens; sign in instead');
}

export async function issueApiToken(
  ctx: Ctx,
  auth: Auth,
  actor: Actor,
  input: { name: string; role: Role; expiresAt: string },
): Promise<IssuedApiToken> {
  assertPerson(auth);
  const now = ctx.clock.now();
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt.getTime() <= now.getTime()) throw badExpiry('Expiry must be in the future');
  if (expiresAt.getTime() > now.getTime() + API_TOKEN_MAX_DAYS * DAY_MS) {
    throw badExpiry(`Expiry must be at most ${API_TOKEN_MAX_DAYS} days from now`);
  }
  const secret = generateApiTokenSecret();
  const id = crypto.randomUUID();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await insertTokenActor(trx, { tokenId: id, name: input.name, role: input.role, now });
    await insertApiToken(trx, {
      id,
      userId: user.id,
      name: input.name,
      tokenHash: apiTokenHash(secret),
      prefix: secret.slice(0, API_TOKEN_SECRET_PREFIX.length + PREFIX_CHARS),
      role: input.role,
      expiresAt,
      createdBy: actor.userId,
      now,
    });
    // Ids and the role only: the name is free text, the secret never leaves this answer.
    await recordAudit(trx, ctx.clock, actor, {
      action: 'api_token.issued',
      entityType: 'api_token',
      entityId: id,
      changes: { role: input.role, actorId: user.id },
    });
    const row = await findApiTokenView(trx, id);
    if (!row) throw new Error('issued token vanished');
    return { token: toView(row, now), secret };
  });
}

export async function revokeApiToken(ctx: Ctx, auth: Auth, actor: Actor, id: string): Promise<ApiTokenView> {
  assertPerson(auth);
  return ctx.db.transaction().execute(async (trx) => {
    const token = await lockApiToken(trx, id);
    if (!token) throw notFound('API token');
    if (token.revoked_at) throw new AppError('conflict', 'This API token is already revoked');
    const now = ctx.clock.now();
    await markRevoked(trx, id, token.user_id, actor.userId, now);
    await recordAudit(trx, ctx.clock, actor, {
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: id,
      changes: { role: token.role, actorId: token.user_id },
    });
    const row = await findApiTokenView(trx, id);
    if (!row) throw notFound('API token');
    return toView(row, now);
  });
}

const refused = (message: string) => new AppError('unauthenticated', message);

/**
 * The Auth of a request carrying `Authorization: Bearer <secret>`: the same shape a fully signed-in
 * session gives, for the row the token acts as, so every authorize() check and audit write applies
 * unchanged. An unknown, expired or revoked token is refused outright, never treated as anonymous.
 */
export async function authenticateApiToken(deps: AppDeps, secret: string): Promise<Auth> {
  if (!secret.startsWith(API_TOKEN_SECRET_PREFIX)) {
    throw refused(`Not a Docket API token: API tokens start with "${API_TOKEN_SECRET_PREFIX}"`);
  }
  const row = await findTokenByHash(deps.db, apiTokenHash(secret));
  if (row?.kind !== 'api_token' || !row.email || !row.user_name) {
    throw refused('This API token is not recognised. Check that it was copied whole, or ask an admin for a new one.');
  }
  const now = deps.clock.now();
  if (row.revoked_at || row.status !== 'active') {
    deps.logger.warn({ apiTokenId: row.id }, 'revoked API token used');
    throw refused('This API token has been revoked. Ask an admin for a new one.');
  }
  if (now >= row.expires_at) {
    deps.logger.warn({ apiTokenId: row.id }, 'expired API token used');
    throw refused(`This API token expired on ${row.expires_at.toISOString()}. Ask an admin for a new one.`);
  }
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= TOUCH_INTERVAL_MS) {
    await touchApiToken(deps.db, row.id, now, new Date(now.getTime() - TOUCH_INTERVAL_MS));
  }
  const role = row.role as Role;
  return {
    // Not a session: these fields describe the token so code that reads them still gets sense.
    session: {
      id: `api-token:${row.id}`,
      publicId: row.id,
      twoFactorVerified: true,
      createdAt: row.created_at,
      lastActiveAt: now,
    },
    user: { id: row.user_id, email: row.email, name: row.user_name, role, twoFactorEnabled: false },
    fullySignedIn: true,
    next: 'done',
    apiToken: { id: row.id, name: row.name },
  };
}
