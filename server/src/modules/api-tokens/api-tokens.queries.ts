import type { Database } from '@docket/db/database';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

/** The users row a token acts as: no password, no 2-step secret, an address that can never receive mail. */
export async function insertTokenActor(db: Db, row: { tokenId: string; name: string; role: string; now: Date }) {
  return db
    .insertInto('users')
    .values({
      kind: 'api_token',
      // .invalid is reserved (RFC 2606): it can never be a person's address nor receive mail.
      email: `token-${row.tokenId}@api-tokens.invalid`,
      name: row.name,
      role: row.role,
      password_hash: null,
      created_at: row.now,
      updated_at: row.now,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function insertApiToken(
  db: Db,
  row: {
    id: string;
    userId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    role: string;
    expiresAt: Date;
    createdBy: string | null;
    now: Date;
  },
) {
  await db
    .insertInto('api_tokens')
    .values({
      id: row.id,
      user_id: row.userId,
      name: row.name,
      token_hash: row.tokenHash,
      prefix: row.prefix,
      role: row.role,
      expires_at: row.expiresAt,
      created_by: row.createdBy,
      created_at: row.now,
    })
    .execute();
}

/** Tokens with the names of who issued and revoked them; never the hash. */
function listQuery(db: Db) {
  return db
    .selectFrom('api_tokens as t')
    .leftJoin('users as c', 'c.id', 't.created_by')
    .leftJoin('users as r', 'r.id', 't.revoked_by')
    .select([
      't.id',
      't.user_id',
      't.name',
      't.prefix',
      't.role',
      't.expires_at',
      't.created_at',
      't.created_by',
      'c.name as created_by_name',
      't.last_used_at',
      't.revoked_at',
      'r.name as revoked_by_name',
    ]);
}

export type ApiTokenListRow = Awaited<ReturnType<typeof listApiTokens>>[number];

export async function listApiTokens(db: Db) {
  return listQuery(db).orderBy('t.created_at', 'desc').orderBy('t.id').execute();
}

export async function findApiTokenView(db: Db, id: string) {
  return listQuery(db).where('t.id', '=', id).executeTakeFirst();
}

export async function lockApiToken(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'role', 'revoked_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function markRevoked(
  trx: Transaction<Database>,
  id: string,
  userId: string,
  by: string | null,
  now: Date,
) {
  await trx.updateTable('api_tokens').set({ revoked_at: now, revoked_by: by }).where('id', '=', id).execute();
  // The row it acts as is disabled too, so every check of an active person leaves it out.
  await trx
    .updateTable('users')
    .set((eb) => ({ status: 'disabled', updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .where('kind', '=', 'api_token')
    .execute();
}

/** The token and the row it acts as, in one round trip: this runs on every token request. */
export async function findTokenByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([
      't.id',
      't.name',
      't.role',
      't.expires_at',
      't.created_at',
      't.last_used_at',
      't.revoked_at',
      'u.id as user_id',
      'u.kind',
      'u.status',
      'u.email',
      'u.name as user_name',
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Records use at most once per interval: a script calling every second must not write every second. */
export async function touchApiToken(db: Db, id: string, now: Date, notSince: Date) {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', notSince)]))
    .execute();
}
