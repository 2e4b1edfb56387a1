import type { Database, UserRow, UserUpdate } from '@docket/db/database';
import type { Role } from '@docket/shared/roles';
import type { CreateUserInput, UserStatus, UserView } from '@docket/shared/users.schemas';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/auth.password';
import { deleteUserSessions, findUserById, replaceRecoveryCodes } from '../auth/auth.queries';
import { countActiveAdmins, emailTakenByOther, insertUser, listUsers, updateUserAtVersion } from './users.queries';

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    status: row.status as UserStatus,
    twoFactorEnabled: row.totp_enabled_at !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    version: row.version,
  };
}

export async function listPeople(ctx: Ctx, filter: { status?: UserStatus | undefined; role?: Role | undefined }) {
  return (await listUsers(ctx.db, filter)).map(toUserView);
}

/** Active legal and admin people, as {id, name, role}: enough to assign work, nothing more. */
export async function listAssignable(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('status', '=', 'active')
    .where('kind', '=', 'person')
    .where('role', 'in', ['legal', 'admin'])
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name ?? '', role: r.role as Role }));
}

export async function getPerson(ctx: Ctx, id: string): Promise<UserView> {
  const row = await findUserById(ctx.db, id);
  // An API token's row is not a person: it is managed on the API tokens page.
  if (row?.kind !== 'person') throw notFound('Person');
  return toUserView(row);
}

const emailTaken = () =>
  new AppError('email_taken', 'email: Someone already signs in with this email', {
    issues: [{ path: 'email', message: 'Someone already signs in with this email' }],
  });

export async function createPerson(
  ctx: Ctx,
  actor: Actor,
  input: { email: string; name: string; role: Role; password: string },
  extra: { totpSecretEnc?: string } = {},
): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const row = await insertUser(trx, {
      email: input.email,
      name: input.name,
      role: input.role,
      password_hash: passwordHash,
      totp_secret_enc: extra.totpSecretEnc ?? null,
      totp_enabled_at: extra.totpSecretEnc ? now : null,
      created_at: now,
      updated_at: now,
    });
    if (!row) throw emailTaken();
    await recordAudit(trx, ctx.clock, actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      changes: { role: { to: row.role }, status: { to: row.status }, twoFactor: { to: row.totp_enabled_at !== null } },
    });
    return toUserView(row);
  });
}

export type CreatePersonInput = CreateUserInput;

/** Refuses a change that would leave no active admin to manage people. */
async function assertAdminRemains(trx: Transaction<Database>, before: UserRow, nextRole: string, nextStatus: string) {
  const stopsBeingAdmin =
    before.role === 'admin' && before.status === 'active' && (nextRole !== 'admin' || nextStatus !== 'active');
  if (stopsBeingAdmin && (await countActiveAdmins(trx, before.id)) === 0) {
    throw new AppError('conflict', 'Docket needs at least one active admin: make someone else an admin first');
  }
}

async function lockPerson(trx: Transaction<Database>, id: string): Promise<UserRow> {
  const row = await trx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', 'person')
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.status === 'removed') throw notFound('Person');
  return row;
}

export async function updatePerson(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: {
    version: number;
    name?: string | undefined;
    email?: string | undefined;
    role?: Role | undefined;
    status?: 'active' | 'disabled' | undefined;
    password?: string | undefined;
    resetTwoFactor?: true | undefined;
  },
): Promise<UserView> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    // Serialise edits of one person: the admin check below must see the committed state.
    await sql`select pg_advisory_xact_lock(hashtext('users.admins'))`.execute(trx);
    const before = await lockPerson(trx, id);
    if (before.version !== input.version) throw versionConflict('This person');
    if (input.email && input.email !== before.email && (await emailTakenByOther(trx, input.email, id)))
      throw emailTaken();
    const nextRole = input.role ?? before.role;
    const nextStatus = input.status ?? before.status;
    await assertAdminRemains(trx, before, nextRole, nextStatus);

    const changes: UserUpdate = { updated_at: ctx.clock.now() };
    // The trail names which fields changed; values only where they are not personal data.
    const audit: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== before.name) {
      changes.name = input.name;
      audit.name = 'changed';
    }
    if (input.email !== undefined && input.email !== before.email) {
      changes.email = input.email;
      audit.email = 'changed';
    }
    if (nextRole !== before.role) {
      changes.role = nextRole;
      audit.role = { from: before.role, to: nextRole };
    }
    if (nextStatus !== before.status) {
      changes.status = nextStatus;
      audit.status = { from: before.status, to: nextStatus };
    }
    if (passwordHash) {
      changes.password_hash = passwordHash;
      audit.password = 'reset';
    }
    if (input.resetTwoFactor && (before.totp_enabled_at || before.totp_pending_secret_enc)) {
      Object.assign(changes, {
        totp_secret_enc: null,
        totp_pending_secret_enc: null,
        totp_enabled_at: null,
        totp_last_step: null,
      });
      await replaceRecoveryCodes(trx, id, []);
      audit.twoFactor = { from: true, to: false };
    }
    if (Object.keys(audit).length === 0) return toUserView(before);

    const row = await updateUserAtVersion(trx, id, input.version, changes);
    if (!row) throw versionConflict('This person');
    // A disabled person, a new password or a new role: their open sessions end now, not at expiry.
    let sessionsEnded = 0;
    if (changes.status === 'disabled' || changes.password_hash || changes.role || audit.twoFactor) {
      sessionsEnded = await deleteUserSessions(trx, id);
    }
    await recordAudit(trx, ctx.clock, actor, {
      action:
        changes.status === 'disabled' ? 'user.disabled' : changes.status === 'active' ? 'user.enabled' : 'user.updated',
      entityType: 'user',
      entityId: id,
      changes: { ...audit, sessionsEnded },
    });
    return toUserView(row);
  });
}

/**
 * Removes a person: their personal data, password, 2-step secret, recovery codes and sessions go;
 * the row stays as a pseudonymous id so every audit event still points somewhere.
 */
export async function removePerson(ctx: Ctx, actor: Actor, id: string, version: number): Promise<UserView> {
  if (actor.userId === id) throw new AppError('conflict', 'You cannot remove yourself; ask another admin');
  return ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('users.admins'))`.execute(trx);
    const before = await lockPerson(trx, id);
    if (before.version !== version) throw versionConflict('This person');
    await assertAdminRemains(trx, before, before.role, 'removed');
    const row = await updateUserAtVersion(trx, id, version, {
      status: 'removed',
      email: null,
      name: null,
      password_hash: null,
      totp_secret_enc: null,
      totp_pending_secret_enc: null,
      totp_enabled_at: null,
      totp_last_step: null,
      last_sign_in_at: null,
      removed_at: ctx.clock.now(),
      updated_at: ctx.clock.now(),
    });
    if (!row) throw versionConflict('This person');
    await replaceRecoveryCodes(trx, id, []);
    const sessionsEnded = await deleteUserSessions(trx, id);
    await recordAudit(trx, ctx.clock, actor, {
      action: 'user.removed',
      entityType: 'user',
      entityId: id,
      changes: { status: { from: before.status, to: 'removed' }, personalData: 'erased', sessionsEnded },
    });
    return toUserView(row);
  });
}
