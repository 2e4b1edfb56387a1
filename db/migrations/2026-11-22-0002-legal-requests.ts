import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.

const now = sql`now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('country', 'text', (col) => col.notNull().check(sql`country ~ '^[A-Z]{2}$'`))
    .addColumn('contact', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('verification_method', 'text')
    .addColumn('verified_at', 'timestamptz')
    .addColumn('verified_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await sql`create unique index agencies_name_country_idx on agencies (lower(name), country)`.execute(db);

  await db.schema
    .createTable('reference_counters')
    .addColumn('prefix', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('last', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('reference_counters_pk', ['prefix', 'year'])
    .execute();

  await db.schema
    .createTable('legal_requests')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('process_type', 'text', (col) => col.notNull())
    .addColumn('agency_id', 'uuid', (col) => col.notNull().references('agencies.id'))
    .addColumn('country', 'text', (col) => col.notNull().check(sql`country ~ '^[A-Z]{2}$'`))
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .addColumn('due_at', 'timestamptz')
    .addColumn('emergency', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('data_categories', sql`text[]`, (col) => col.notNull())
    .addColumn('date_range_start', 'date')
    .addColumn('date_range_end', 'date')
    .addColumn('original_scope', 'jsonb', (col) => col.notNull())
    .addColumn('nondisclosure_kind', 'text', (col) => col.notNull().defaultTo('none'))
    .addColumn('nondisclosure_until', 'date')
    .addColumn('nondisclosure_statute', 'text')
    .addColumn('assignee_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('received'))
    .addColumn('disposition', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('response_sent_at', 'timestamptz')
    .addColumn('response_method', 'text')
    .addColumn('produced_categories', sql`text[]`)
    .addColumn('response_note', 'text')
    .addColumn('notice_decision', 'text')
    .addColumn('notice_reason', 'text')
    .addColumn('notice_decided_at', 'timestamptz')
    .addColumn('notified_at', 'timestamptz')
    .addColumn('preservation_expires_at', 'timestamptz')
    .addColumn('preservation_extended', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('follow_up_due_at', 'timestamptz')
    .addColumn('follow_up_received_at', 'timestamptz')
    // The earliest clock still running (response, preservation, follow-up, notice): drives the queues.
    .addColumn('next_deadline_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addCheckConstraint(
      'legal_requests_status_check',
      sql`status in ('received','in_review','pushback','decided','responded','closed','withdrawn','rejected')`,
    )
    .addCheckConstraint(
      'legal_requests_process_type_check',
      sql`process_type in ('subpoena','court_order','search_warrant','emergency','preservation','national_security','mlat','other')`,
    )
    .addCheckConstraint('legal_requests_nondisclosure_check', sql`nondisclosure_kind in ('none','until','indefinite')`)
    .addCheckConstraint(
      'legal_requests_disposition_check',
      sql`disposition is null or disposition in ('produced','partial','none','rejected')`,
    )
    .execute();
  await db.schema
    .createIndex('legal_requests_deadline_idx')
    .on('legal_requests')
    .columns(['next_deadline_at', 'id'])
    .execute();
  await db.schema
    .createIndex('legal_requests_status_idx')
    .on('legal_requests')
    .columns(['status', 'next_deadline_at', 'id'])
    .execute();
  await db.schema
    .createIndex('legal_requests_assignee_idx')
    .on('legal_requests')
    .columns(['assignee_id', 'status'])
    .execute();
  await db.schema
    .createIndex('legal_requests_received_idx')
    .on('legal_requests')
    .columns(['received_at', 'country', 'process_type'])
    .execute();
  await db.schema.createIndex('legal_requests_agency_idx').on('legal_requests').column('agency_id').execute();

  await db.schema
    .createTable('legal_request_identifiers')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('request_id', 'uuid', (col) => col.notNull().references('legal_requests.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('in_scope', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('outcome', 'text', (col) =>
      col.check(sql`outcome is null or outcome in ('produced','partial','none','not_found')`),
    )
    .execute();
  await db.schema
    .createIndex('legal_request_identifiers_request_idx')
    .on('legal_request_identifiers')
    .columns(['request_id', 'position'])
    .execute();
  await db.schema
    .createIndex('legal_request_identifiers_value_idx')
    .on('legal_request_identifiers')
    .column('value')
    .execute();

  await db.schema
    .createTable('legal_request_notes')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('request_id', 'uuid', (col) => col.notNull().references('legal_requests.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('scope','review')`))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('author_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('legal_request_notes_request_idx')
    .on('legal_request_notes')
    .columns(['request_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('pushbacks')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('request_id', 'uuid', (col) => col.notNull().references('legal_requests.id'))
    .addColumn('grounds', sql`text[]`, (col) => col.notNull())
    .addColumn('asked', 'text', (col) => col.notNull())
    .addColumn('proposed', 'text', (col) => col.notNull())
    .addColumn('requester_reply', 'text')
    .addColumn('outcome', 'text', (col) =>
      col.notNull().defaultTo('pending').check(sql`outcome in ('pending','withdrawn','narrowed','upheld')`),
    )
    .addColumn('scope_before', 'jsonb')
    .addColumn('scope_after', 'jsonb')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('resolved_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('pushbacks_request_idx').on('pushbacks').columns(['request_id', 'created_at']).execute();

  // Files of any case (legal requests now, complaints later), stored on disk by SHA-256.
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('entity_type', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'uuid', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('filename', 'text', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('size', 'bigint', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('uploaded_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('attachments_entity_idx')
    .on('attachments')
    .columns(['entity_type', 'entity_id', 'created_at'])
    .execute();

  // A retried create returns the first answer instead of creating twice.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('actor_id', 'uuid', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('route', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('status', 'integer', (col) => col.notNull())
    .addColumn('response', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['actor_id', 'key'])
    .execute();

  // Deadline rules are data: how long each clock runs, in which unit.
  await db.schema
    .createTable('deadline_rules')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('amount', 'integer', (col) => col.notNull().check(sql`amount > 0`))
    .addColumn('unit', 'text', (col) => col.notNull().check(sql`unit in ('hours','days','business_days','months')`))
    .addColumn('calendar', 'text')
    .addColumn('source', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('holidays')
    .addColumn('calendar', 'text', (col) => col.notNull())
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('holidays_pk', ['calendar', 'day'])
    .execute();

  const rules: [string, string, number, string, string | null, string][] = [
    ['legal.response.subpoena', 'Respond to a subpoena', 10, 'business_days', 'US', 'Docket default'],
    ['legal.response.court_order', 'Respond to a court order', 10, 'business_days', 'US', 'Docket default'],
    ['legal.response.search_warrant', 'Respond to a search warrant', 10, 'business_days', 'US', 'Docket default'],
    ['legal.response.emergency', 'Answer an emergency disclosure request', 4, 'hours', null, 'Docket default'],
    ['legal.response.preservation', 'Preserve the named accounts', 1, 'business_days', 'US', 'Docket default'],
    [
      'legal.response.national_security',
      'Respond to national-security process',
      10,
      'business_days',
      'US',
      'Docket default',
    ],
    ['legal.response.mlat', 'Respond to an MLAT request', 30, 'days', null, 'Docket default'],
    ['legal.response.other', 'Respond to other process', 10, 'business_days', 'US', 'Docket default'],
    ['legal.preservation.expiry', 'Preservation expires', 90, 'days', null, '18 U.S.C. 2703(f)(2)'],
    ['legal.preservation.extension', 'Preservation extension', 90, 'days', null, '18 U.S.C. 2703(f)(2)'],
    [
      'legal.emergency.follow_up',
      'Follow-up legal process after an emergency disclosure',
      14,
      'days',
      null,
      'Docket default',
    ],
    [
      'legal.notice.after_nondisclosure',
      'Give delayed user notice after a nondisclosure order ends',
      5,
      'business_days',
      'US',
      'Docket default',
    ],
  ];
  await db
    .insertInto('deadline_rules' as never)
    .values(
      rules.map(([code, label, amount, unit, calendar, source]) => ({
        code,
        label,
        amount,
        unit,
        calendar,
        source,
      })) as never,
    )
    .execute();

  const usHolidays: [string, string][] = [
    ['2026-01-01', "New Year's Day"],
    ['2026-01-19', 'Martin Luther King Jr. Day'],
    ['2026-02-16', "Washington's Birthday"],
    ['2026-05-25', 'Memorial Day'],
    ['2026-06-19', 'Juneteenth'],
    ['2026-07-03', 'Independence Day (observed)'],
    ['2026-09-07', 'Labor Day'],
    ['2026-10-12', 'Columbus Day'],
    ['2026-11-11', 'Veterans Day'],
    ['2026-11-26', 'Thanksgiving Day'],
    ['2026-12-25', 'Christmas Day'],
    ['2027-01-01', "New Year's Day"],
    ['2027-01-18', 'Martin Luther King Jr. Day'],
    ['2027-02-15', "Washington's Birthday"],
    ['2027-05-31', 'Memorial Day'],
    ['2027-06-18', 'Juneteenth (observed)'],
    ['2027-07-05', 'Independence Day (observed)'],
    ['2027-09-06', 'Labor Day'],
    ['2027-10-11', 'Columbus Day'],
    ['2027-11-11', 'Veterans Day'],
    ['2027-11-25', 'Thanksgiving Day'],
    ['2027-12-24', 'Christmas Day (observed)'],
  ];
  await db
    .insertInto('holidays' as never)
    .values(usHolidays.map(([day, name]) => ({ calendar: 'US', day, name })) as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'holidays',
    'deadline_rules',
    'idempotency_keys',
    'attachments',
    'pushbacks',
    'legal_request_notes',
    'legal_request_identifiers',
    'legal_requests',
    'reference_counters',
    'agencies',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
