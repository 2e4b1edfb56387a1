import type { Database } from '@docket/db/database';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export async function getSettingsRow(db: Db) {
  return db.selectFrom('settings').selectAll().where('id', '=', true).executeTakeFirstOrThrow();
}

export async function updateSettingsRow(db: Db, fromVersion: number, requireTwoFactorFor: string[], now: Date) {
  return db
    .updateTable('settings')
    .set((eb) => ({ require_two_factor_for: requireTwoFactorFor, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', true)
    .where('version', '=', fromVersion)
    .returningAll()
    .executeTakeFirst();
}
