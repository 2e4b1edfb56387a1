import type { Database, NewUser, UserUpdate } from '@docket/db/database';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export async function listUsers(db: Db, filter: { status?: string | undefined; role?: string | undefined }) {
  let query = db
    .selectFrom('users')
    .selectAll()
    .where('kind', '=', 'person')
    .orderBy('status', 'asc')
    .orderBy('name', 'asc')
    .orderBy('created_at', 'asc');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.role) query = query.where('role', '=', filter.role);
  return query.execute();
}

export async function insertUser(db: Db, row: NewUser) {
  return db
    .insertInto('users')
    .values(row)
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Applies the change only if the row is still at the version the editor saw. */
export async function updateUserAtVersion(db: Db, id: string, version: number, changes: UserUpdate) {
  return db
    .updateTable('users')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function emailTakenByOther(db: Db, email: string, id: string) {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .where('id', '<>', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countActiveAdmins(db: Db, exceptId: string) {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    // An admin API token cannot keep Docket administrable: it cannot sign in to manage people.
    .where('kind', '=', 'person')
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countUsers(db: Db) {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
