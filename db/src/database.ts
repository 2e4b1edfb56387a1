import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>;
/** A tsvector the database computes from the row's text (generated column): read-only. */
type SearchVector = ColumnType<string, never, never>;

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
  /** 'person', or 'api_token' for the row an API token acts as (never signs in, never listed with people). */
  kind: Generated<string>;
}

export interface ApiTokensTable {
  id: string;
  /** The users row (kind 'api_token') the token acts as. */
  user_id: string;
  name: string;
  /** SHA-256 of the secret, hex. The secret itself is shown once and never stored. */
  token_hash: string;
  /** The first characters of the secret, to recognise a token in a list. */
  prefix: string;
  role: string;
  expires_at: Timestamp;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
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
  search_vector: SearchVector;
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
  /** The requesting agency's own case number; unique per agency (the import's re-import key). */
  external_reference: string | null;
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
  search_vector: SearchVector;
  request_id: string;
  kind: string;
  body: string;
  author_id: string | null;
  created_at: CreatedAt;
}

export interface PushbacksTable {
  id: Generated<string>;
  search_vector: SearchVector;
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
  search_vector: SearchVector;
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

export interface ImportsTable {
  id: string;
  kind: string;
  filename: string;
  sha256: string;
  mode: string;
  rows_total: number;
  created: number;
  skipped: number;
  rejected: number;
  agencies_created: Generated<number>;
  report: Json;
  created_by: string | null;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  /** 'deadline_due_soon' | 'deadline_overdue' | 'nondisclosure_ended' */
  kind: string;
  /** 'legal_request' | 'complaint' */
  entity_type: string;
  entity_id: string;
  /** The clock the reminder is about (response_due, notice_due, first_contact, …); with due_at, its due key. */
  clock: string;
  due_at: Timestamp;
  /** References and clock labels only, never personal data. */
  title: string;
  created_at: CreatedAt;
  read_at: Timestamp | null;
  email_sent_at: Timestamp | null;
  email_attempts: Generated<number>;
  /** A sender's lease, or the back-off after a failed attempt. */
  email_next_attempt_at: Timestamp | null;
}

/** One row: moved on whenever every kept case page may be wrong at once (migration 2026-11-23-0012). */
export interface PageEpochsTable {
  only_row: Generated<boolean>;
  epoch: Generated<number>;
}

export interface Database {
  page_epochs: PageEpochsTable;
  notifications: NotificationsTable;
  imports: ImportsTable;
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
  api_tokens: ApiTokensTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
/**
 * Every column of a row type, as a list for `select(…)`: it fails to compile, naming the column, when
 * a column is added to the table and not to the list.
 */
const allColumnsOf =
  <Row>() =>
  <const List extends readonly (keyof Row & string)[]>(
    list: List &
      (Exclude<keyof Row, List[number]> extends never ? unknown : { missing: Exclude<keyof Row, List[number]> }),
  ): List =>
    list;

/** A request as Docket reads it: every column but the search vector, which only search's SQL uses. */
export type LegalRequestRow = Omit<Selectable<LegalRequestsTable>, 'search_vector'>;

/** The columns of LegalRequestRow, for queries that would otherwise select `*` (and the vector with it). */
export const legalRequestColumns = allColumnsOf<LegalRequestRow>()([
  'id',
  'reference',
  'process_type',
  'agency_id',
  'country',
  'received_at',
  'due_at',
  'emergency',
  'summary',
  'data_categories',
  'date_range_start',
  'date_range_end',
  'original_scope',
  'nondisclosure_kind',
  'nondisclosure_until',
  'nondisclosure_statute',
  'assignee_id',
  'status',
  'disposition',
  'decision_reason',
  'decided_at',
  'response_sent_at',
  'response_method',
  'produced_categories',
  'response_note',
  'notice_decision',
  'notice_reason',
  'notice_decided_at',
  'notified_at',
  'preservation_expires_at',
  'preservation_extended',
  'follow_up_due_at',
  'follow_up_received_at',
  'next_deadline_at',
  'identifier_count',
  'pushback_outcome',
  'external_reference',
  'created_by',
  'created_at',
  'updated_at',
  'version',
]);

/** A complaint as Docket reads it: every column but the search vector. */
export type ComplaintRow = Omit<Selectable<ComplaintsTable>, 'search_vector'>;

export const complaintColumns = allColumnsOf<ComplaintRow>()([
  'id',
  'reference',
  'channel',
  'received_at',
  'complainant_name_enc',
  'complainant_email_enc',
  'complainant_phone_enc',
  'complainant_address_enc',
  'complainant_email_index',
  'category',
  'regime',
  'summary',
  'status',
  'acknowledged_at',
  'first_contact_at',
  'response_due_at',
  'extension_reason',
  'extension_told_at',
  'outcome',
  'final_response_sent_at',
  'final_response_summary',
  'told_of_regulator_right',
  'resolved_at',
  'closed_at',
  'personal_data_erased_at',
  'next_deadline_at',
  'created_by',
  'created_at',
  'updated_at',
  'version',
]);
export type AgencyRow = Selectable<AgenciesTable>;
export type EscalationRow = Selectable<EscalationsTable>;
export type RegulatorRow = Selectable<RegulatorsTable>;
