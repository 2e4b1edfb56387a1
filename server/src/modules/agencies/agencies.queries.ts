import type { Database } from '@docket/db/database';
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export async function listAgencies(db: Db, search: string | undefined) {
  let query = db.selectFrom('agencies').selectAll().orderBy('name').orderBy('country').limit(500);
  if (search) query = query.where('name', 'ilike', `%${search.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
  return query.execute();
}

export async function findAgency(db: Db, id: string) {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAgency(db: Db, row: Insertable<Database['agencies']>) {
  return db.insertInto('agencies').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateAgencyAtVersion(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<Database['agencies']>,
) {
  return db
    .updateTable('agencies')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function agencyNameTaken(db: Db, name: string, country: string, exceptId?: string) {
  let query = db
    .selectFrom('agencies')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .where('country', '=', country);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
