import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.

/**
 * Every server keeps the sessions it checked recently for a few seconds. A change that could make one
 * of them wrong (a session ended or verified, a person disabled, renamed or given another role, 2-step
 * verification required of a role) sends NOTIFY docket_auth_changed when it commits, whichever server
 * or script made it, and each server drops what it kept. The columns are those the session check reads;
 * `sessions.last_active_at` (written once a minute per session) and `users.last_sign_in_at` are not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function docket_notify_auth_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('docket_auth_changed', '');
      return null;
    end $$`.execute(db);
  await sql`
    create trigger sessions_auth_changed
    after update of id, public_id, user_id, created_at, two_factor_verified or delete or truncate on sessions
    for each statement execute function docket_notify_auth_changed()`.execute(db);
  await sql`
    create trigger users_auth_changed
    after update of id, email, name, role, status, totp_enabled_at, kind or delete or truncate on users
    for each statement execute function docket_notify_auth_changed()`.execute(db);
  await sql`
    create trigger settings_auth_changed
    after insert or update or delete or truncate on settings
    for each statement execute function docket_notify_auth_changed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger settings_auth_changed on settings`.execute(db);
  await sql`drop trigger users_auth_changed on users`.execute(db);
  await sql`drop trigger sessions_auth_changed on sessions`.execute(db);
  await sql`drop function docket_notify_auth_changed()`.execute(db);
}
