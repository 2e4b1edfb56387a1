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

type CalendarDate = string; // 'YYYY-MM-DD'

export interface AgenciesTable {
  id: Generated<string>;
  name: string;
  kind: string;
  country: string;
  contact: Generated<string>;
  verification_method: string | null;
  verified_at: Timestamp | null;
  verified_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ReferenceCountersTable {
  prefix: string;
  year: number;
  last: number;
}

export interface LegalRequestsTable {
  id: Generated<string>;
  reference: string;
  process_type: string;
  agency_id: string;
  country: string;
  received_at: Timestamp;
  due_at: Timestamp | null;
  emergency: boolean;
  summary: string;
  data_categories: string[];
  date_range_start: CalendarDate | null;
  date_range_end: CalendarDate | null;
  /** The scope as it arrived, kept when pushback narrows the request. */
  original_scope: Json;
  nondisclosure_kind: string;
  nondisclosure_until: CalendarDate | null;
  nondisclosure_statute: string | null;
  assignee_id: string | null;
  status: Generated<string>;
  disposition: string | null;
  decision_reason: string | null;
  decided_at: Timestamp | null;
  response_sent_at: Timestamp | null;
  response_method: string | null;
  produced_categories: string[] | null;
  response_note: string | null;
  notice_decision: string | null;
  notice_reason: string | null;
  notice_decided_at: Timestamp | null;
  notified_at: Timestamp | null;
  preservation_expires_at: Timestamp | null;
  preservation_extended: Generated<boolean>;
  follow_up_due_at: Timestamp | null;
  follow_up_received_at: Timestamp | null;
  next_deadline_at: Timestamp | null;
  identifier_count: Generated<number>;
  /** How the latest pushback ended; null when there was none. */
  pushback_outcome: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface LegalRequestIdentifiersTable {
  id: Generated<string>;
  request_id: string;
  position: number;
  kind: string;
  value: string;
  in_scope: Generated<boolean>;
  outcome: string | null;
}

export interface LegalRequestNotesTable {
  id: Generated<string>;
  request_id: string;
  kind: string;
  body: string;
  author_id: string | null;
  created_at: CreatedAt;
}

export interface PushbacksTable {
  id: Generated<string>;
  request_id: string;
  grounds: string[];
  asked: string;
  proposed: string;
  requester_reply: string | null;
  outcome: Generated<string>;
  scope_before: Json | null;
  scope_after: Json | null;
  created_by: string | null;
  created_at: CreatedAt;
  resolved_at: Timestamp | null;
}

export interface AttachmentsTable {
  id: Generated<string>;
  entity_type: string;
  entity_id: string;
  kind: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
  created_at: CreatedAt;
  erased_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  actor_id: string;
  key: string;
  route: string;
  request_hash: string;
  status: number;
  response: Json;
  created_at: CreatedAt;
}

export interface DeadlineRulesTable {
  code: string;
  label: string;
  amount: number;
  unit: string;
  calendar: string | null;
  source: string;
}

export interface HolidaysTable {
  calendar: string;
  day: CalendarDate;
  name: string;
}

export interface ComplaintCategoriesTable {
  code: string;
  label: string;
  created_at: CreatedAt;
}

export interface RegulatorsTable {
  id: Generated<string>;
  name: string;
  short_name: string | null;
  country: string;
  website: string | null;
  kind: Generated<string>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ComplaintsTable {
  id: Generated<string>;
  reference: string;
  channel: string;
  received_at: Timestamp;
  complainant_name_enc: string | null;
  complainant_email_enc: string | null;
  complainant_phone_enc: string | null;
  complainant_address_enc: string | null;
  complainant_email_index: string | null;
  category: string;
  regime: string;
  summary: string;
  status: Generated<string>;
  acknowledged_at: Timestamp | null;
  first_contact_at: Timestamp | null;
  response_due_at: Timestamp;
  extension_reason: string | null;
  extension_told_at: Timestamp | null;
  outcome: string | null;
  final_response_sent_at: Timestamp | null;
  final_response_summary: string | null;
  told_of_regulator_right: boolean | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  personal_data_erased_at: Timestamp | null;
  next_deadline_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ComplaintLegalRequestsTable {
  complaint_id: string;
  legal_request_id: string;
}

export interface ComplaintContactsTable {
  id: Generated<string>;
  complaint_id: string;
  occurred_at: Timestamp;
  direction: string;
  channel: string;
  summary: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface EscalationsTable {
  id: Generated<string>;
  complaint_id: string;
  regulator_id: string;
  opened_at: Timestamp;
  regulator_reference: string | null;
  sent_summary: string;
  regulator_deadline_at: Timestamp | null;
  update_due_at: Timestamp;
  outcome: string | null;
  closed_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface EscalationCorrespondenceTable {
  id: Generated<string>;
  escalation_id: string;
  occurred_at: Timestamp;
  direction: string;
  summary: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PublishedReportsTable {
  id: Generated<string>;
  period_start: CalendarDate;
  period_end: CalendarDate;
  scope: string;
  rules_version: string;
  content: Json;
  sha256: string;
  published_by: string | null;
  published_at: Timestamp;
}

export interface Database {
  published_reports: PublishedReportsTable;
  complaint_categories: ComplaintCategoriesTable;
  regulators: RegulatorsTable;
  complaints: ComplaintsTable;
  complaint_legal_requests: ComplaintLegalRequestsTable;
  complaint_contacts: ComplaintContactsTable;
  escalations: EscalationsTable;
  escalation_correspondence: EscalationCorrespondenceTable;
  agencies: AgenciesTable;
  reference_counters: ReferenceCountersTable;
  legal_requests: LegalRequestsTable;
  legal_request_identifiers: LegalRequestIdentifiersTable;
  legal_request_notes: LegalRequestNotesTable;
  pushbacks: PushbacksTable;
  attachments: AttachmentsTable;
  idempotency_keys: IdempotencyKeysTable;
  deadline_rules: DeadlineRulesTable;
  holidays: HolidaysTable;
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
export type LegalRequestRow = Selectable<LegalRequestsTable>;
export type AgencyRow = Selectable<AgenciesTable>;
export type ComplaintRow = Selectable<ComplaintsTable>;
export type EscalationRow = Selectable<EscalationsTable>;
export type RegulatorRow = Selectable<RegulatorsTable>;
