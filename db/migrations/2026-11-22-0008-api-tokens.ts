import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  // An API token acts through a row of its own in users, so created_by columns, audit actor ids and
  // role checks work unchanged; `kind` keeps those rows out of everything that is about people.
  await db.schema
    .alterTable('users')
    .addColumn('kind', 'text', (col) => col.notNull().defaultTo('person').check(sql`kind in ('person', 'api_token')`))
    .execute();
  // The database itself makes sure a token's row can never sign in: no password, no 2-step secret.
  await sql`
    alter table users add constraint users_api_token_cannot_sign_in check (
      kind = 'person' or (password_hash is null and totp_secret_enc is null and totp_pending_secret_enc is null))
  `.execute(db);

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('user_id', 'uuid', (col) => col.notNull().unique().references('users.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    // SHA-256 of the secret, hex; the secret itself is shown once and never stored.
    .addColumn('token_hash', 'text', (col) => col.notNull().unique().check(sql`token_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('prefix', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('admin', 'legal', 'support', 'compliance')`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (col) => col.references('users.id'))
    .addCheckConstraint('api_tokens_expire_after_creation', sql`expires_at > created_at`)
    .execute();
  await db.schema.createIndex('api_tokens_created_at_idx').on('api_tokens').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_tokens').ifExists().execute();
  // Token rows stay (audit events point at them) but can no longer act once the kind is gone.
  await sql`update users set status = 'disabled' where kind = 'api_token' and status = 'active'`.execute(db);
  await sql`alter table users drop constraint if exists users_api_token_cannot_sign_in`.execute(db);
  await db.schema.alterTable('users').dropColumn('kind').execute();
}
