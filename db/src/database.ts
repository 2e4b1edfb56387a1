import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>;

export interface UsersTable {
  id: Generated<string>;
  /** Null once the person is removed: the row stays so audit events keep pointing at a pseudonymous id. */
  email: string | null;
  name: string | null;
  role: string;
  status: Generated<string>;
  password_hash: string | null;
  /** TOTP key, encrypted with the application key. */
  totp_secret_enc: string | null;
  totp_pending_secret_enc: string | null;
  totp_enabled_at: Timestamp | null;
  /** The last TOTP time step accepted: a code from that step or earlier is a replay. */
  totp_last_step: number | null;
  last_sign_in_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  removed_at: Timestamp | null;
  version: Generated<number>;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** SHA-256 of the token in the cookie, hex. The token itself is never stored. */
  id: string;
  /** What the person sees and uses to end one of their sessions. */
  public_id: Generated<string>;
  user_id: string;
  created_at: Timestamp;
  last_active_at: Timestamp;
  two_factor_verified: boolean;
  ip: string | null;
  user_agent: string | null;
}

export interface SignInThrottlesTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface SettingsTable {
  id: Generated<boolean>;
  require_two_factor_for: string[];
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface AuditEventsTable {
  seq: number;
  occurred_at: Timestamp;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: Json;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface Database {
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  sign_in_throttles: SignInThrottlesTable;
  settings: SettingsTable;
  audit_events: AuditEventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
