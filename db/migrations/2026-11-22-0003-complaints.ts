import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code.

const now = sql`now()`;

const regulators: [string, string | null, string, string][] = [
  ['Österreichische Datenschutzbehörde', 'DSB', 'AT', 'https://www.dsb.gv.at'],
  [
    'Autorité de protection des données / Gegevensbeschermingsautoriteit',
    'APD-GBA',
    'BE',
    'https://www.autoriteprotectiondonnees.be',
  ],
  ['Commission for Personal Data Protection', 'CPDP', 'BG', 'https://www.cpdp.bg'],
  ['Agencija za zaštitu osobnih podataka', 'AZOP', 'HR', 'https://azop.hr'],
  ['Commissioner for Personal Data Protection', null, 'CY', 'https://www.dataprotection.gov.cy'],
  ['Úřad pro ochranu osobních údajů', 'ÚOOÚ', 'CZ', 'https://uoou.gov.cz'],
  ['Datatilsynet', null, 'DK', 'https://www.datatilsynet.dk'],
  ['Andmekaitse Inspektsioon', 'AKI', 'EE', 'https://www.aki.ee'],
  ['Office of the Data Protection Ombudsman (Tietosuojavaltuutetun toimisto)', null, 'FI', 'https://tietosuoja.fi'],
  ["Commission Nationale de l'Informatique et des Libertés", 'CNIL', 'FR', 'https://www.cnil.fr'],
  ['Der Bundesbeauftragte für den Datenschutz und die Informationsfreiheit', 'BfDI', 'DE', 'https://www.bfdi.bund.de'],
  ['Hellenic Data Protection Authority', 'HDPA', 'GR', 'https://www.dpa.gr'],
  ['Nemzeti Adatvédelmi és Információszabadság Hatóság', 'NAIH', 'HU', 'https://naih.hu'],
  ['Data Protection Commission', 'DPC', 'IE', 'https://www.dataprotection.ie'],
  ['Garante per la protezione dei dati personali', 'Garante', 'IT', 'https://www.garanteprivacy.it'],
  ['Datu valsts inspekcija', 'DVI', 'LV', 'https://www.dvi.gov.lv'],
  ['Valstybinė duomenų apsaugos inspekcija', 'VDAI', 'LT', 'https://vdai.lrv.lt'],
  ['Commission nationale pour la protection des données', 'CNPD', 'LU', 'https://cnpd.public.lu'],
  ['Information and Data Protection Commissioner', 'IDPC', 'MT', 'https://idpc.org.mt'],
  ['Autoriteit Persoonsgegevens', 'AP', 'NL', 'https://www.autoriteitpersoonsgegevens.nl'],
  ['Urząd Ochrony Danych Osobowych', 'UODO', 'PL', 'https://uodo.gov.pl'],
  ['Comissão Nacional de Proteção de Dados', 'CNPD', 'PT', 'https://www.cnpd.pt'],
  [
    'Autoritatea Naţională de Supraveghere a Prelucrării Datelor cu Caracter Personal',
    'ANSPDCP',
    'RO',
    'https://www.dataprotection.ro',
  ],
  ['Úrad na ochranu osobných údajov Slovenskej republiky', null, 'SK', 'https://dataprotection.gov.sk'],
  ['Informacijski pooblaščenec', 'IP', 'SI', 'https://www.ip-rs.si'],
  ['Agencia Española de Protección de Datos', 'AEPD', 'ES', 'https://www.aepd.es'],
  ['Integritetsskyddsmyndigheten', 'IMY', 'SE', 'https://www.imy.se'],
  ['Persónuvernd', null, 'IS', 'https://www.personuvernd.is'],
  ['Datenschutzstelle Liechtenstein', 'DSS', 'LI', 'https://www.datenschutzstelle.li'],
  ['Datatilsynet', null, 'NO', 'https://www.datatilsynet.no'],
  ["Information Commissioner's Office", 'ICO', 'GB', 'https://ico.org.uk'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('complaint_categories')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .execute();
  await db
    .insertInto('complaint_categories' as never)
    .values([
      { code: 'data_transfer', label: 'Data transfer' },
      { code: 'access', label: 'Access to personal data' },
      { code: 'erasure', label: 'Erasure' },
      { code: 'security', label: 'Security' },
      { code: 'other', label: 'Other' },
    ] as never)
    .execute();

  await db.schema
    .createTable('regulators')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('short_name', 'text')
    .addColumn('country', 'text', (col) => col.notNull().check(sql`country ~ '^[A-Z]{2}$'`))
    .addColumn('website', 'text')
    .addColumn('kind', 'text', (col) => col.notNull().defaultTo('data_protection'))
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await sql`create unique index regulators_name_country_idx on regulators (lower(name), country)`.execute(db);
  await db
    .insertInto('regulators' as never)
    .values(regulators.map(([name, short_name, country, website]) => ({ name, short_name, country, website })) as never)
    .execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('letter','email','web_form','other')`))
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    // The complainant's personal data: AES-256-GCM ciphertexts, and a keyed hash of the email for look-ups.
    .addColumn('complainant_name_enc', 'text')
    .addColumn('complainant_email_enc', 'text')
    .addColumn('complainant_phone_enc', 'text')
    .addColumn('complainant_address_enc', 'text')
    .addColumn('complainant_email_index', 'text')
    .addColumn('category', 'text', (col) => col.notNull().references('complaint_categories.code'))
    .addColumn('regime', 'text', (col) => col.notNull().check(sql`regime in ('gdpr','fca','default')`))
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('received')
        .check(sql`status in ('received','acknowledged','investigating','resolved','escalated','closed')`),
    )
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('first_contact_at', 'timestamptz')
    .addColumn('response_due_at', 'timestamptz', (col) => col.notNull())
    .addColumn('extension_reason', 'text')
    .addColumn('extension_told_at', 'timestamptz')
    .addColumn('outcome', 'text', (col) =>
      col.check(sql`outcome is null or outcome in ('upheld','partly_upheld','not_upheld','withdrawn')`),
    )
    .addColumn('final_response_sent_at', 'timestamptz')
    .addColumn('final_response_summary', 'text')
    .addColumn('told_of_regulator_right', 'boolean')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('personal_data_erased_at', 'timestamptz')
    .addColumn('next_deadline_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('complaints_deadline_idx').on('complaints').columns(['next_deadline_at', 'id']).execute();
  await db.schema
    .createIndex('complaints_status_idx')
    .on('complaints')
    .columns(['status', 'next_deadline_at', 'id'])
    .execute();
  await db.schema
    .createIndex('complaints_received_idx')
    .on('complaints')
    .columns(['received_at', 'category'])
    .execute();
  await db.schema
    .createIndex('complaints_email_index_idx')
    .on('complaints')
    .column('complainant_email_index')
    .execute();
  await db.schema.createIndex('complaints_closed_idx').on('complaints').columns(['closed_at']).execute();

  await db.schema
    .createTable('complaint_legal_requests')
    .addColumn('complaint_id', 'uuid', (col) => col.notNull().references('complaints.id'))
    .addColumn('legal_request_id', 'uuid', (col) => col.notNull().references('legal_requests.id'))
    .addPrimaryKeyConstraint('complaint_legal_requests_pk', ['complaint_id', 'legal_request_id'])
    .execute();

  await db.schema
    .createTable('complaint_contacts')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('complaint_id', 'uuid', (col) => col.notNull().references('complaints.id'))
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('direction', 'text', (col) => col.notNull().check(sql`direction in ('in','out')`))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('complaint_contacts_idx')
    .on('complaint_contacts')
    .columns(['complaint_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('complaint_id', 'uuid', (col) => col.notNull().references('complaints.id'))
    .addColumn('regulator_id', 'uuid', (col) => col.notNull().references('regulators.id'))
    .addColumn('opened_at', 'timestamptz', (col) => col.notNull())
    .addColumn('regulator_reference', 'text')
    .addColumn('sent_summary', 'text', (col) => col.notNull())
    .addColumn('regulator_deadline_at', 'timestamptz')
    .addColumn('update_due_at', 'timestamptz', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) =>
      col.check(sql`outcome is null or outcome in ('resolved','no_action','order_issued','withdrawn')`),
    )
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('escalations_complaint_idx')
    .on('escalations')
    .columns(['complaint_id', 'opened_at'])
    .execute();
  await db.schema.createIndex('escalations_regulator_idx').on('escalations').columns(['regulator_id']).execute();

  await db.schema
    .createTable('escalation_correspondence')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('escalation_id', 'uuid', (col) => col.notNull().references('escalations.id'))
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('direction', 'text', (col) => col.notNull().check(sql`direction in ('in','out')`))
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('escalation_correspondence_idx')
    .on('escalation_correspondence')
    .columns(['escalation_id', 'occurred_at'])
    .execute();

  // Retention erases files but keeps the row, so the record of what existed stays.
  await db.schema.alterTable('attachments').addColumn('erased_at', 'timestamptz').execute();

  const rules = [
    ['complaint.first_contact', 'First contact with the complainant', 2, 'business_days', 'GB', 'Docket default'],
    ['complaint.acknowledge', 'Acknowledge the complaint', 5, 'business_days', 'GB', 'FCA DISP 1.6.1R (promptly)'],
    ['complaint.gdpr.response', 'Respond (GDPR)', 1, 'months', null, 'GDPR Art. 12(3)'],
    ['complaint.gdpr.extension', 'Extended response (GDPR)', 2, 'months', null, 'GDPR Art. 12(3)'],
    [
      'complaint.gdpr.extension_notice',
      'Tell the complainant of an extension (GDPR)',
      1,
      'months',
      null,
      'GDPR Art. 12(3)',
    ],
    ['complaint.fca.response', 'Final response (FCA)', 56, 'days', null, 'FCA DISP 1.6.2R (eight weeks)'],
    ['complaint.fca.summary_resolution', 'Summary resolution (FCA)', 3, 'business_days', 'GB', 'FCA DISP 1.5.1R'],
    ['complaint.default.response', 'Respond', 30, 'days', null, 'Docket default'],
    ['escalation.update', 'Regulator update to the complainant', 3, 'months', null, 'GDPR Art. 78(2)'],
  ].map(([code, label, amount, unit, calendar, source]) => ({ code, label, amount, unit, calendar, source }));
  await db
    .insertInto('deadline_rules' as never)
    .values(rules as never)
    .execute();

  const gbHolidays: [string, string][] = [
    ['2026-01-01', "New Year's Day"],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-04', 'Early May bank holiday'],
    ['2026-05-25', 'Spring bank holiday'],
    ['2026-08-31', 'Summer bank holiday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'Boxing Day (substitute day)'],
    ['2027-01-01', "New Year's Day"],
    ['2027-03-26', 'Good Friday'],
    ['2027-03-29', 'Easter Monday'],
    ['2027-05-03', 'Early May bank holiday'],
    ['2027-05-31', 'Spring bank holiday'],
    ['2027-08-30', 'Summer bank holiday'],
    ['2027-12-27', 'Christmas Day (substitute day)'],
    ['2027-12-28', 'Boxing Day (substitute day)'],
  ];
  await db
    .insertInto('holidays' as never)
    .values(gbHolidays.map(([day, name]) => ({ calendar: 'GB', day, name })) as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from holidays where calendar = 'GB'`.execute(db);
  await sql`delete from deadline_rules where code like 'complaint.%' or code like 'escalation.%'`.execute(db);
  await db.schema.alterTable('attachments').dropColumn('erased_at').execute();
  for (const table of [
    'escalation_correspondence',
    'escalations',
    'complaint_contacts',
    'complaint_legal_requests',
    'complaints',
    'regulators',
    'complaint_categories',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
