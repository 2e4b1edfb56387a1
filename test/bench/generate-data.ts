// The benchmark data generator: fills a migrated Docket database (PostgreSQL or PGlite) with legal
// requests, their identifiers, notes and pushbacks, an agency registry, complaints with encrypted
// complainant data, contacts and escalations, and a few people with a known password. Everything is
// set-based (INSERT … SELECT over generate_series), so a million requests take minutes, not hours.
//
// Library: `generateData(db, options)`. Command line (fills a fresh database):
//   BENCH_DATABASE_URL=postgres://… tsx test/bench/generate-data.ts [--requests 1000000] [--complaints 200000]
//   tsx test/bench/generate-data.ts --pglite ./data/pglite [--requests 5000]
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb } from '@docket/db/create-db';
import type { Database } from '@docket/db/database';
import { migrateToLatest } from '@docket/db/migrate';
import { personalDataCipher } from '@docket/server/lib/personal-data';
import { hashPassword } from '@docket/server/modules/auth/auth.password';
import type { Role } from '@docket/shared/roles';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import postgres from 'postgres';

/** Every generated person signs in with this password; none has 2-step verification. */
export const BENCH_PASSWORD = 'bench-password-not-secret';

export const BENCH_PEOPLE: { email: string; name: string; role: Role }[] = [
  { email: 'legal1@bench.docket.test', name: 'Bench Legal One', role: 'legal' },
  { email: 'legal2@bench.docket.test', name: 'Bench Legal Two', role: 'legal' },
  { email: 'legal3@bench.docket.test', name: 'Bench Legal Three', role: 'legal' },
  { email: 'admin@bench.docket.test', name: 'Bench Admin', role: 'admin' },
  { email: 'support@bench.docket.test', name: 'Bench Support', role: 'support' },
  { email: 'compliance@bench.docket.test', name: 'Bench Compliance', role: 'compliance' },
];
/** The legal person the benchmarks sign in as. */
export const BENCH_LEGAL = BENCH_PEOPLE[0] as (typeof BENCH_PEOPLE)[number];

export interface GenerateOptions {
  /** Legal requests to create (default 1,000,000). */
  legalRequests?: number;
  /** Complaints to create (default 200,000). */
  complaints?: number;
  /** The server's DOCKET_SECRET_KEY: complainant data is sealed with it so complaint reads decrypt. */
  secretKey: Buffer;
  /** The data spans the five years before this moment (default: now). */
  now?: Date;
  log?: (line: string) => void;
}

export interface GenerateSummary {
  legalRequests: number;
  identifiers: number;
  notes: number;
  pushbacks: number;
  agencies: number;
  complaints: number;
  escalations: number;
  seconds: number;
}

const YEARS = 5;

/** Tables the generator fills in bulk; their secondary indexes are built after the load. */
const BULK_TABLES = [
  'legal_requests',
  'legal_request_identifiers',
  'legal_request_notes',
  'pushbacks',
  'complaints',
  'complaint_contacts',
  'escalations',
  'escalation_correspondence',
];

/** A `case` picking a constant by a uniform draw `u` in [0, 1000) with the given weights (per mille). */
function weighted(u: string, entries: [string, number][]): RawBuilder<string> {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  if (total !== 1000) throw new Error(`weights add up to ${total}, not 1000`);
  let upTo = 0;
  const arms = entries.map(([value, weight]) => {
    upTo += weight;
    return `when ${u} < ${upTo} then '${value}'`;
  });
  return sql.raw(`(case ${arms.join(' ')} end)`);
}

const PROCESS_TYPES: [string, number][] = [
  ['subpoena', 400],
  ['court_order', 200],
  ['search_warrant', 120],
  ['emergency', 80],
  ['preservation', 100],
  ['national_security', 20],
  ['mlat', 40],
  ['other', 40],
];

const COUNTRIES: [string, number][] = [
  ['US', 380],
  ['DE', 90],
  ['GB', 80],
  ['FR', 70],
  ['IN', 70],
  ['BR', 60],
  ['JP', 40],
  ['AU', 35],
  ['CA', 35],
  ['ES', 30],
  ['IT', 30],
  ['NL', 20],
  ['PL', 20],
  ['SE', 15],
  ['MX', 25],
];

const AGENCY_KINDS = ['law_enforcement', 'court', 'prosecutor', 'law_enforcement', 'regulator'];
const AGENCY_NAMES = [
  'National Police',
  'District Court',
  'Public Prosecutor',
  'Cyber Crime Unit',
  'Telecom Regulator',
];

const INVESTIGATIONS = [
  'fraud',
  'harassment',
  'missing person',
  'extortion',
  'cyber intrusion',
  'drug trafficking',
  'child safety',
  'terrorism',
  'identity theft',
  'money laundering',
];

const SUMMARIES: Record<string, string> = {
  subpoena: 'Grand jury subpoena for subscriber records of the named accounts',
  court_order: 'Court order under 18 U.S.C. 2703(d) for non-content records',
  search_warrant: 'Search warrant for stored content of the named accounts',
  emergency: 'Emergency disclosure request: risk of imminent harm to a person',
  preservation: 'Preservation request under 18 U.S.C. 2703(f) pending legal process',
  national_security: 'National-security process for subscriber information',
  mlat: 'MLAT request from a foreign authority through the central authority',
  other: 'Civil discovery request for account records',
};

const COMPLAINANTS = [
  ['Amelia Hart', 'amelia.hart@example.com', '+44 20 7946 0001', '12 Elm Row, Edinburgh EH7 4AA'],
  ['Jonas Weber', 'jonas.weber@example.de', '+49 30 901820', 'Hauptstraße 5, 10827 Berlin'],
  ['Claire Dubois', 'claire.dubois@example.fr', '+33 1 42 68 53 00', '8 rue de Rivoli, 75004 Paris'],
  ['Marta Nowak', 'marta.nowak@example.pl', '+48 22 123 45 67', 'ul. Prosta 20, 00-850 Warszawa'],
  ['Liam Byrne', 'liam.byrne@example.ie', '+353 1 555 0123', '3 Harbour Road, Dublin D02 X285'],
  ['Sofia Rossi', 'sofia.rossi@example.it', '+39 06 555 0199', 'Via Roma 10, 00184 Roma'],
  ['Noah Jansen', 'noah.jansen@example.nl', '+31 20 555 0144', 'Keizersgracht 100, 1015 CV Amsterdam'],
  ['Elsa Lind', 'elsa.lind@example.se', '+46 8 555 012 34', 'Drottninggatan 1, 111 51 Stockholm'],
  ['Pablo García', 'pablo.garcia@example.es', '+34 91 555 01 23', 'Calle Mayor 4, 28013 Madrid'],
  ['Ines Costa', 'ines.costa@example.pt', '+351 21 555 0100', 'Rua Augusta 50, 1100-053 Lisboa'],
  ['Oliver Smith', 'oliver.smith@example.co.uk', '+44 161 496 0000', '1 Deansgate, Manchester M3 1AZ'],
  ['Mia Novak', 'mia.novak@example.cz', '+420 2 5555 0100', 'Národní 10, 110 00 Praha'],
] as const;

// A team that keeps up: new requests wait for review, older ones are answered, and only a small
// backlog runs overdue. Emergencies and preservations move in hours, so they age fifteen times faster.
const REQUEST_STATUSES_BY_AGE = `
  case
    when status_age < 2 then case when u_status < 800 then 'received' else 'in_review' end
    when status_age < 14 then case
      when u_status < 100 then 'received' when u_status < 650 then 'in_review' when u_status < 750 then 'pushback'
      when u_status < 900 then 'decided' when u_status < 950 then 'withdrawn' else 'rejected' end
    when status_age < 45 then case
      when u_status < 30 then 'in_review' when u_status < 50 then 'pushback' when u_status < 80 then 'decided'
      when u_status < 480 then 'responded' when u_status < 930 then 'closed' else 'withdrawn' end
    when status_age < 90 then case
      when u_status < 100 then 'responded' when u_status < 900 then 'closed' when u_status < 950 then 'withdrawn'
      else 'rejected' end
    else case when u_status < 860 then 'closed' when u_status < 930 then 'withdrawn' else 'rejected' end
  end`;

const COMPLAINT_STATUSES_BY_AGE = `
  case
    when age_days < 3 then case when u_status < 700 then 'received' else 'acknowledged' end
    when age_days < 30 then case
      when u_status < 300 then 'acknowledged' when u_status < 800 then 'investigating' when u_status < 900 then 'resolved'
      when u_status < 950 then 'escalated' else 'closed' end
    when age_days < 120 then case
      when u_status < 20 then 'investigating' when u_status < 220 then 'resolved' when u_status < 320 then 'escalated'
      else 'closed' end
    else 'closed'
  end`;

const draw = (seed: number, mod = 1000) => `abs(hashint8extended(g.i, ${seed}) % ${mod})::int`;

/**
 * Fills the database in one transaction: the temporary tables, the temporary function and the
 * settings below live on its connection, and a failure leaves nothing half-filled (nor an index
 * dropped). Expects a migrated database without generated data in it.
 */
export async function generateData(db: Kysely<Database>, options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const requests = options.legalRequests ?? 1_000_000;
  const complaintCount = options.complaints ?? 200_000;
  const now = options.now ?? new Date();
  const start = new Date(now);
  start.setUTCFullYear(start.getUTCFullYear() - YEARS);
  const log = options.log ?? (() => {});
  const step = async (label: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    log(`  ${label.padEnd(34)} ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s`);
  };

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const cipher = personalDataCipher(options.secretKey);

  await db.transaction().execute(async (conn) => {
    // Staging tables are temporary; give them room in memory (allowed only before the session's first
    // temporary object: a connection that has had one keeps the default).
    const hasTemporary = await sql<{ n: number }>`
      select count(*)::int as n from pg_class where relnamespace = pg_my_temp_schema()`.execute(conn);
    if (hasTemporary.rows[0]?.n === 0) await sql`set local temp_buffers = '256MB'`.execute(conn);
    // Deterministic version-4-shaped ids: later statements derive a row's id from its number
    // instead of joining to find it.
    await sql`
      create or replace function pg_temp.bench_uuid(seed text) returns uuid language sql immutable as $$
        select overlay(overlay(md5(seed) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid
      $$`.execute(conn);

    // Bulk loading into tables without their secondary indexes, then building each index once, is
    // several times faster than maintaining them row by row (the GIN full-text ones above all).
    // Constraint indexes (primary keys, unique references) stay.
    await sql`set local work_mem = '128MB'`.execute(conn);
    await sql`set local maintenance_work_mem = '256MB'`.execute(conn);
    const deferred = (
      await sql<{ name: string; def: string }>`
        select i.relname as name, pg_get_indexdef(i.oid) as def
        from pg_index x
        join pg_class i on i.oid = x.indexrelid
        join pg_class t on t.oid = x.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = current_schema()
          and t.relname in (${sql.join(BULK_TABLES)})
          and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
        order by i.relname`.execute(conn)
    ).rows;
    for (const index of deferred) await sql`drop index ${sql.id(index.name)}`.execute(conn);
    // The generated rows reference each other correctly by construction; where this user may (a
    // superuser), skip the per-row foreign-key triggers: in replica mode none fire.
    // The setting ends with the transaction; nothing after the fill fires triggers.
    const superuser = await sql<{ on: boolean }>`select current_setting('is_superuser') = 'on' as on`.execute(conn);
    if (superuser.rows[0]?.on) await sql`set local session_replication_role = replica`.execute(conn);
    await fill(conn);
    await step(`indexes (${deferred.length})`, async () => {
      for (const index of deferred) await sql.raw(index.def).execute(conn);
    });
    await sql`drop table if exists bench_lr, bench_cp, bench_people, bench_agency`.execute(conn);
  });

  // What autovacuum would have done to a database this size by the time anyone reads it: statistics for
  // the planner and a visibility map, without which index-only scans (the report's) visit every row.
  // PGlite has no autovacuum to wait for either.
  await step('vacuum analyze', () => sql`vacuum analyze`.execute(db));

  const count = async (table: string) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0);
  return {
    legalRequests: await count('legal_requests'),
    identifiers: await count('legal_request_identifiers'),
    notes: await count('legal_request_notes'),
    pushbacks: await count('pushbacks'),
    agencies: await count('agencies'),
    complaints: await count('complaints'),
    escalations: await count('escalations'),
    seconds: (performance.now() - started) / 1000,
  };

  /** Every row, in dependency order, in the generator's transaction. */
  async function fill(conn: Kysely<Database>) {
    await step('people', async () => {
      for (const person of BENCH_PEOPLE) {
        await sql`
          insert into users (email, name, role, password_hash, updated_at)
          values (${person.email}, ${person.name}, ${person.role}, ${passwordHash}, ${now})
          on conflict (email) do update set password_hash = excluded.password_hash, status = 'active'`.execute(conn);
      }
    });
    const legalIds = (
      await sql<{ id: string }>`
        select id from users where role = 'legal' and email like '%@bench.docket.test' order by email`.execute(conn)
    ).rows.map((r) => r.id);
    const supportId = (
      await sql<{ id: string }>`select id from users where email = 'support@bench.docket.test'`.execute(conn)
    ).rows[0]?.id;
    if (legalIds.length !== 3 || !supportId) throw new Error('bench people missing');
    const legalArray = sql.raw(`array['${legalIds.join("','")}']::uuid[]`);

    await step('agencies', async () => {
      const countries = COUNTRIES.map(([c]) => `'${c}'`).join(',');
      const kinds = AGENCY_KINDS.map((k) => `'${k}'`).join(',');
      const names = AGENCY_NAMES.map((k) => `'${k}'`).join(',');
      await sql`
        insert into agencies (name, kind, country, contact, verification_method, verified_at, updated_at)
        select (array[${sql.raw(names)}])[k] || ' ' || c, (array[${sql.raw(kinds)}])[k], c,
               'Legal process unit, +1 202 555 01' || lpad(k::text, 2, '0'), 'callback_known_number', ${start}, ${now}
        from unnest(array[${sql.raw(countries)}]) c, generate_series(1, ${AGENCY_NAMES.length}) k
        on conflict do nothing`.execute(conn);
      await sql`drop table if exists bench_agency`.execute(conn);
      await sql`
        create temp table bench_agency as
        select country, array_agg(id order by name) as ids from agencies group by country`.execute(conn);
    });

    await step(`legal requests: staging`, async () => {
      await sql`drop table if exists bench_lr`.execute(conn);
      await sql`
        create temp table bench_lr as
        with base as (
          select g.i,
                 ${sql.raw(draw(1, 1_000_000))}::float8 / 1000000 as u_time,
                 ${sql.raw(draw(2))} as u_type, ${sql.raw(draw(3))} as u_country, ${sql.raw(draw(4))} as u_status,
                 ${sql.raw(draw(5))} as u_misc, ${sql.raw(draw(6))} as u_pb, ${sql.raw(draw(7))} as u_disp,
                 ${sql.raw(draw(8))} as u_ident
          from generate_series(1::bigint, ${requests}::bigint) g(i)
        ), timed as (
          -- Volumes grow: the latest year gets about twice the requests of the first.
          select b.*, ${start}::timestamptz + (sqrt(1 + 3 * b.u_time) - 1) * (${now}::timestamptz - ${start}::timestamptz) as received_at,
                 ${weighted('b.u_type', PROCESS_TYPES)} as process_type,
                 ${weighted('b.u_country', COUNTRIES)} as country
          from base b
        ), aged as (
          select t.*, extract(epoch from (${now}::timestamptz - t.received_at))::float8 / 86400 as age_days,
                 extract(epoch from (${now}::timestamptz - t.received_at))::float8 / 86400
                   * case when t.process_type in ('emergency', 'preservation') then 15 else 1 end as status_age
          from timed t
        ), statused as (
          select a.*, ${sql.raw(REQUEST_STATUSES_BY_AGE)} as status from aged a
        )
        select s.*,
               pg_temp.bench_uuid('lr-' || s.i) as id,
               extract(year from s.received_at at time zone 'UTC')::int as year,
               row_number() over (partition by extract(year from s.received_at at time zone 'UTC')
                                  order by s.received_at, s.i) as seq,
               case when s.u_ident < 600 then 1 when s.u_ident < 850 then 2 else 3 end as n_ident,
               case when s.status in ('decided', 'responded', 'closed') then
                      case when s.u_disp < 450 then 'produced' when s.u_disp < 650 then 'partial' else 'none' end
                    when s.status = 'rejected' then 'rejected' end as disposition,
               case when s.status = 'pushback' then 'pending'
                    when s.status = 'received' or s.u_pb >= 60 then null
                    when s.status = 'withdrawn' then 'withdrawn'
                    when s.u_pb < 35 then 'narrowed' else 'upheld' end as pb_outcome
        from statused s`.execute(conn);
    });
    await step(`legal requests (${requests.toLocaleString('en')})`, async () => {
      await sql`
        insert into legal_requests (id, reference, process_type, agency_id, country, received_at, due_at, emergency,
          summary, data_categories, date_range_start, date_range_end, original_scope, nondisclosure_kind,
          nondisclosure_until, nondisclosure_statute, assignee_id, status, disposition, decision_reason, decided_at,
          response_sent_at, response_method, produced_categories, notice_decision, notice_reason, notice_decided_at,
          notified_at, preservation_expires_at, preservation_extended, follow_up_due_at, follow_up_received_at,
          next_deadline_at, identifier_count, pushback_outcome, created_by, created_at, updated_at)
        select r.id,
               'LR-' || r.year || '-' || lpad(r.seq::text, greatest(5, length(r.seq::text)), '0'),
               r.process_type,
               (a.ids)[1 + (r.i % array_length(a.ids, 1))::int],
               r.country, r.received_at, d.due_at,
               r.process_type = 'emergency' or (r.process_type = 'other' and r.u_misc >= 990),
               ${sql.raw(`(array['${SUMMARIES_SQL()}'])`)}[1 + ${sql.raw(processIndex('r.process_type'))}]
                 || ' (' || (array[${sql.raw(INVESTIGATIONS.map((w) => `'${w}'`).join(','))}])[1 + r.u_misc % ${INVESTIGATIONS.length}]
                 || ' investigation, case ' || (100000 + r.i % 900000) || ')',
               cat.categories,
               case when r.u_misc < 500 then (r.received_at - interval '1 year')::date end,
               case when r.u_misc < 500 then r.received_at::date end,
               jsonb_build_object(
                 'dataCategories', to_jsonb(cat.categories),
                 'dateRangeStart', case when r.u_misc < 500 then to_jsonb((r.received_at - interval '1 year')::date::text) else 'null'::jsonb end,
                 'dateRangeEnd', case when r.u_misc < 500 then to_jsonb(r.received_at::date::text) else 'null'::jsonb end,
                 'identifierIds', (select jsonb_agg(pg_temp.bench_uuid('lri-' || r.i || '-' || p) order by p)
                                   from generate_series(0, r.n_ident - 1) p)),
               nd.kind,
               case when nd.kind = 'until' then (r.received_at + interval '1 year')::date end,
               case nd.kind when 'until' then '18 U.S.C. 2705(b)' when 'indefinite' then '50 U.S.C. 1874' end,
               case when r.status in ('closed', 'withdrawn', 'rejected') then (${legalArray})[1 + r.u_misc % 3]
                    when r.u_misc % 4 = 3 then null else (${legalArray})[1 + r.u_misc % 4] end,
               r.status, r.disposition,
               case when r.disposition is not null then 'Reviewed against the process ladder and the named accounts' end,
               t.decided_at,
               t.sent_at,
               case when t.sent_at is not null then 'secure_portal' end,
               case when t.sent_at is not null and r.disposition in ('produced', 'partial') then cat.categories end,
               case when t.sent_at is not null and r.status = 'closed' then
                      case when nd.kind = 'none' then 'notify' when nd.kind = 'until' then 'delay' else 'do_not_notify' end end,
               case when t.sent_at is not null and r.status = 'closed' then
                      case when nd.kind = 'none' then 'No order prevents notice' else 'A nondisclosure order is in force' end end,
               case when t.sent_at is not null and r.status = 'closed' then t.sent_at end,
               case when t.sent_at is not null and r.status = 'closed' then
                      case when nd.kind = 'none' then t.sent_at
                           -- Delayed notice given a few days after the order ended (if it has).
                           when nd.kind = 'until' and r.received_at + interval '1 year 3 days' < ${now}::timestamptz
                             then r.received_at + interval '1 year 3 days' end end,
               d.preservation_expires_at,
               d.preservation_extended,
               d.follow_up_due_at,
               d.follow_up_received_at,
               case
                 when r.status in ('received', 'in_review', 'pushback', 'decided')
                   then least(d.due_at, case when d.follow_up_received_at is null then d.follow_up_due_at end,
                              d.preservation_expires_at)
                 when r.status = 'responded'
                   then least(case when d.follow_up_received_at is null then d.follow_up_due_at end, d.preservation_expires_at)
                 when r.status = 'closed' and d.preservation_expires_at > ${now}::timestamptz then d.preservation_expires_at
                 -- The delayed notice comes back to the queue when the order ends.
                 when r.status = 'closed' and t.sent_at is not null and nd.kind = 'until'
                      and r.received_at + interval '1 year 3 days' >= ${now}::timestamptz
                   then r.received_at + interval '1 year 7 days'
               end,
               r.n_ident, r.pb_outcome,
               (${legalArray})[1 + r.u_misc % 3],
               r.received_at + interval '1 hour',
               least(r.received_at + interval '1 hour' + r.age_days * interval '12 hours', ${now}::timestamptz)
        from bench_lr r
        join bench_agency a on a.country = r.country
        cross join lateral (select
          case r.process_type
            when 'subpoena' then case when r.u_pb >= 970 then '{subscriber,content}' else '{subscriber}' end
            when 'court_order' then '{subscriber,non_content}'
            when 'search_warrant' then '{subscriber,non_content,content}'
            when 'emergency' then '{subscriber,non_content}'
            when 'preservation' then '{}'
            when 'national_security' then '{subscriber,non_content}'
            when 'mlat' then '{subscriber,content}'
            else '{subscriber}' end::text[] as categories) cat
        cross join lateral (select
          case when r.process_type = 'national_security' then 'indefinite'
               when r.u_misc < 150 then 'until' else 'none' end as kind) nd
        cross join lateral (select
          r.received_at + case r.process_type when 'emergency' then interval '4 hours'
                                              when 'preservation' then interval '1 day'
                                              when 'mlat' then interval '30 days'
                                              else interval '14 days' end as due_at,
          case when r.process_type = 'preservation' then
            r.received_at + case when r.u_misc < 300 and r.age_days > 80 then interval '180 days' else interval '90 days' end
          end as preservation_expires_at,
          r.process_type = 'preservation' and r.u_misc < 300 and r.age_days > 80 as preservation_extended,
          case when r.process_type = 'emergency' then r.received_at + interval '14 days' end as follow_up_due_at,
          case when r.process_type = 'emergency' and r.age_days > 20 then r.received_at + interval '10 days' end
            as follow_up_received_at) d
        cross join lateral (select
          case when r.disposition is not null then r.received_at + least(r.age_days * 0.4, 8) * interval '1 day' end
            as decided_at,
          case when r.status in ('responded', 'closed') and r.disposition in ('produced', 'partial', 'none')
               then r.received_at + least(r.age_days * 0.7, 12) * interval '1 day' end as sent_at) t`.execute(conn);

      await sql`
        insert into reference_counters (prefix, year, last)
        select 'LR', year, max(seq) from bench_lr group by year
        on conflict (prefix, year) do update set last = greatest(reference_counters.last, excluded.last)`.execute(conn);
    });

    await step('identifiers', () =>
      sql`
        insert into legal_request_identifiers (id, request_id, position, kind, value, in_scope, outcome)
        select pg_temp.bench_uuid('lri-' || r.i || '-' || p), r.id, p, k.kind,
               case k.kind
                 when 'email' then 'user' || r.i || case when p > 0 then '.' || p else '' end || '@mail.example'
                 when 'account' then 'acct-' || lpad((r.i * 10 + p)::text, 9, '0')
                 when 'phone' then '+1 555 ' || lpad(((r.i * 7 + p) % 10000000)::text, 7, '0')
                 when 'ip_address' then '198.51.' || ((r.i + p) % 256) || '.' || ((r.i * 3 + p) % 256)
                 else 'device-' || md5('dev' || r.i || p) end,
               true,
               case when r.status in ('responded', 'closed') then
                 case r.disposition when 'produced' then case when k.u < 100 then 'not_found' else 'produced' end
                                    when 'partial' then 'partial' when 'none' then 'none' end end
        from bench_lr r
        cross join lateral generate_series(0, r.n_ident - 1) p
        cross join lateral (select abs(hashint8extended(r.i * 8 + p, 11) % 1000) as u) h
        cross join lateral (select h.u, case when h.u < 400 then 'email' when h.u < 750 then 'account'
                                             when h.u < 900 then 'phone' when h.u < 950 then 'ip_address'
                                             else 'device' end as kind) k`.execute(conn),
    );

    await step('notes', () =>
      sql`
        insert into legal_request_notes (request_id, kind, body, author_id, created_at)
        select r.id, n.kind, n.body, (${legalArray})[1 + r.u_misc % 3], r.received_at + n.after
        from bench_lr r
        cross join lateral (values
          ('scope', 'Scope limited to the named accounts and the date range in the order', interval '1 day', r.u_pb % 4 = 0),
          ('review', 'Checked the signature, the issuing court and the ladder: proceed', interval '2 days', r.u_pb % 7 = 0)
        ) as n(kind, body, after, wanted)
        where r.status <> 'received' and n.wanted`.execute(conn),
    );

    await step('pushbacks', () =>
      sql`
        insert into pushbacks (request_id, grounds, asked, proposed, requester_reply, outcome, created_by, created_at,
          resolved_at)
        select r.id,
               case when r.u_pb % 3 = 0 then '{overbroad}' when r.u_pb % 3 = 1 then '{wrong_process}'
                    else '{overbroad,insufficient_basis}' end::text[],
               'All records for the accounts since creation', 'Subscriber records for the twelve months in question',
               case when r.pb_outcome <> 'pending' then 'The agency answered the pushback' end,
               r.pb_outcome, (${legalArray})[1 + r.u_misc % 3], r.received_at + interval '3 days',
               case when r.pb_outcome <> 'pending' then r.received_at + interval '6 days' end
        from bench_lr r where r.pb_outcome is not null`.execute(conn),
    );

    await step(`complaints (${complaintCount.toLocaleString('en')})`, async () => {
      await sql`drop table if exists bench_people`.execute(conn);
      await sql`
        create temp table bench_people (k int primary key, name_enc text, email_enc text, phone_enc text,
          address_enc text, email_index text)`.execute(conn);
      // Sealed once each (a fresh nonce per value, as the server does); complaints share them.
      for (const [k, [name, email, phone, address]] of COMPLAINANTS.entries()) {
        await sql`
          insert into bench_people values (${k}, ${cipher.seal(name)}, ${cipher.seal(email)}, ${cipher.seal(phone)},
            ${cipher.seal(address)}, ${cipher.emailIndex(email)})`.execute(conn);
      }
      await sql`drop table if exists bench_cp`.execute(conn);
      await sql`
        create temp table bench_cp as
        with base as (
          select g.i,
                 ${sql.raw(draw(21, 1_000_000))}::float8 / 1000000 as u_time,
                 ${sql.raw(draw(22))} as u_status, ${sql.raw(draw(23))} as u_cat, ${sql.raw(draw(24))} as u_misc,
                 ${sql.raw(draw(25))} as u_esc
          from generate_series(1::bigint, ${complaintCount}::bigint) g(i)
        ), timed as (
          select b.*, ${start}::timestamptz + (sqrt(1 + 3 * b.u_time) - 1) * (${now}::timestamptz - ${start}::timestamptz) as received_at
          from base b
        ), aged as (
          select t.*, extract(epoch from (${now}::timestamptz - t.received_at))::float8 / 86400 as age_days from timed t
        ), statused as (
          select a.*, ${sql.raw(COMPLAINT_STATUSES_BY_AGE)} as status from aged a
        )
        select s.*,
               pg_temp.bench_uuid('cp-' || s.i) as id,
               extract(year from s.received_at at time zone 'UTC')::int as year,
               row_number() over (partition by extract(year from s.received_at at time zone 'UTC')
                                  order by s.received_at, s.i) as seq,
               s.status = 'escalated' or (s.status = 'closed' and s.age_days > 60 and s.u_esc < 80) as escalated,
               case when s.u_cat < 600 then 'gdpr' when s.u_cat < 800 then 'fca' else 'default' end as regime
        from statused s`.execute(conn);

      await sql`
        insert into complaints (id, reference, channel, received_at, complainant_name_enc, complainant_email_enc,
          complainant_phone_enc, complainant_address_enc, complainant_email_index, category, regime, summary, status,
          acknowledged_at, first_contact_at, response_due_at, outcome, final_response_sent_at, final_response_summary,
          told_of_regulator_right, resolved_at, closed_at, personal_data_erased_at, next_deadline_at, created_by,
          created_at, updated_at)
        select c.id,
               'CP-' || c.year || '-' || lpad(c.seq::text, greatest(5, length(c.seq::text)), '0'),
               case when c.u_misc < 450 then 'email' when c.u_misc < 800 then 'web_form' when c.u_misc < 950 then 'letter'
                    else 'other' end,
               c.received_at,
               case when e.erased then null else p.name_enc end,
               case when e.erased then null else p.email_enc end,
               case when e.erased then null else p.phone_enc end,
               case when e.erased then null else p.address_enc end,
               case when e.erased then null else p.email_index end,
               (array['access','erasure','data_transfer','security','other'])[1 + c.u_cat % 5],
               c.regime,
               case when e.erased then '[erased under the retention rule]'
                    else (array['I asked for a copy of my data and received nothing',
                                'My account was deleted but I still receive emails',
                                'My data was sent to another country without my consent',
                                'Someone else could see my order history',
                                'You keep my data after I asked you to erase it'])[1 + c.u_cat % 5] end,
               c.status,
               case when c.status <> 'received' then c.received_at + interval '1 day' end,
               case when c.status <> 'received' then c.received_at + interval '26 hours' end,
               d.response_due_at,
               case when w.resolved_at is not null then
                 (array['upheld','partly_upheld','not_upheld','not_upheld','withdrawn'])[1 + c.u_misc % 5] end,
               w.resolved_at,
               case when w.resolved_at is not null then
                 case when e.erased then '[erased under the retention rule]' else 'Our final response explains what we did' end end,
               case when w.resolved_at is not null then true end,
               w.resolved_at,
               w.closed_at,
               case when e.erased then w.closed_at + interval '24 months' end,
               case
                 when c.status = 'received' then c.received_at + interval '2 days'
                 when c.status in ('acknowledged', 'investigating') then d.response_due_at
                 when c.status = 'escalated' then c.received_at + interval '35 days' + interval '3 months'
               end,
               ${supportId}::uuid,
               c.received_at + interval '1 hour',
               least(c.received_at + c.age_days * interval '12 hours', ${now}::timestamptz)
        from bench_cp c
        join bench_people p on p.k = (c.i % ${COMPLAINANTS.length})::int
        cross join lateral (select c.received_at + case c.regime when 'gdpr' then interval '1 month'
                                                               when 'fca' then interval '56 days'
                                                               else interval '30 days' end as response_due_at) d
        cross join lateral (select
          case when c.status in ('resolved', 'closed') and not c.escalated
               then c.received_at + least(c.age_days * 0.5, 5 + c.u_misc % 45) * interval '1 day' end as resolved_at,
          case when c.status = 'closed'
               then c.received_at + least(c.age_days * 0.8, 12 + c.u_misc % 45 + case when c.escalated then 90 else 0 end)
                    * interval '1 day' end as closed_at) w
        -- Closed long enough ago that the retention rule has already erased the complainant's data.
        cross join lateral (select w.closed_at is not null
          and w.closed_at < ${now}::timestamptz - interval '24 months' + interval '1 day' as erased) e`.execute(conn);

      await sql`
        insert into reference_counters (prefix, year, last)
        select 'CP', year, max(seq) from bench_cp group by year
        on conflict (prefix, year) do update set last = greatest(reference_counters.last, excluded.last)`.execute(conn);

      await sql`
        insert into complaint_contacts (complaint_id, occurred_at, direction, channel, summary, created_by)
        select c.id, c.received_at + interval '26 hours', 'out', 'email',
               case when c.status = 'closed' and c.received_at < ${now}::timestamptz - interval '24 months'
                    then '[erased under the retention rule]' else 'Acknowledged and asked for details' end,
               ${supportId}::uuid
        from bench_cp c where c.status <> 'received'`.execute(conn);

      await sql`
        insert into escalations (id, complaint_id, regulator_id, opened_at, regulator_reference, sent_summary,
          update_due_at, outcome, closed_at, created_by, updated_at)
        select pg_temp.bench_uuid('esc-' || c.i), c.id, (g.ids)[1 + c.u_esc % array_length(g.ids, 1)],
               c.received_at + interval '35 days', 'REG-' || c.year || '-' || c.seq,
               'The complaint, our final response and the correspondence',
               c.received_at + interval '35 days' + interval '3 months',
               case when c.status = 'closed' then (array['resolved','no_action','order_issued'])[1 + c.u_misc % 3] end,
               case when c.status = 'closed' then x.closed_at end,
               ${supportId}::uuid, ${now}
        from bench_cp c
        join complaints x on x.id = c.id
        cross join (select array_agg(id order by country, name) as ids from regulators) g
        where c.escalated`.execute(conn);
      await sql`
        insert into escalation_correspondence (escalation_id, occurred_at, direction, summary, created_by)
        select pg_temp.bench_uuid('esc-' || c.i), c.received_at + interval '50 days', 'in',
               'The regulator asked for our records of the complaint', ${supportId}::uuid
        from bench_cp c where c.escalated and c.age_days > 50`.execute(conn);
      await sql`
        insert into complaint_legal_requests (complaint_id, legal_request_id)
        select c.id, pg_temp.bench_uuid('lr-' || (1 + abs(hashint8extended(c.i, 26) % ${requests})))
        from bench_cp c where c.u_misc % 33 = 0
        on conflict do nothing`.execute(conn);
    });
  }
}

function SUMMARIES_SQL(): string {
  return PROCESS_TYPES.map(([type]) => SUMMARIES[type]?.replace(/'/g, "''")).join("','");
}

/** 0-based position of a process type in PROCESS_TYPES, as SQL. */
function processIndex(column: string): string {
  return `(case ${column} ${PROCESS_TYPES.map(([type], i) => `when '${type}' then ${i}`).join(' ')} end)`;
}

export function formatSummary(s: GenerateSummary): string {
  const n = (v: number) => v.toLocaleString('en');
  return (
    `${n(s.legalRequests)} legal requests (${n(s.identifiers)} identifiers, ${n(s.notes)} notes, ${n(s.pushbacks)} pushbacks, ` +
    `${n(s.agencies)} agencies), ${n(s.complaints)} complaints (${n(s.escalations)} escalations) in ${s.seconds.toFixed(1)} s`
  );
}

/** A fresh, migrated PostgreSQL database next to the one `adminUrl` names; `drop` removes it. */
export async function freshPostgresDatabase(adminUrl: string, name: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function cli() {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '1000000' },
      complaints: { type: 'string', default: '200000' },
      database: { type: 'string', default: 'docket_bench' },
      pglite: { type: 'string' },
    },
  });
  const secretKey = process.env.DOCKET_SECRET_KEY
    ? Buffer.from(process.env.DOCKET_SECRET_KEY, 'base64')
    : randomBytes(32);
  let handle: ReturnType<typeof createDb>;
  let where: string;
  if (values.pglite) {
    handle = createDb({ kind: 'pglite', dataDir: values.pglite });
    where = `PGlite in ${values.pglite}`;
  } else {
    const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (!adminUrl) {
      console.error('Set BENCH_DATABASE_URL (a PostgreSQL user that may create databases), or pass --pglite DIR');
      process.exit(1);
    }
    const target = await freshPostgresDatabase(adminUrl, values.database);
    handle = createDb({ kind: 'postgres', url: target.url });
    where = target.url;
  }
  await migrateToLatest(handle.db);
  console.log(`Generating into ${where}`);
  const summary = await generateData(handle.db, {
    legalRequests: Number(values.requests),
    complaints: Number(values.complaints),
    secretKey,
    log: (line) => console.log(line),
  });
  await handle.close();
  console.log(formatSummary(summary));
  console.log(`Sign in as ${BENCH_PEOPLE.map((p) => p.email).join(', ')} with password ${BENCH_PASSWORD}`);
  console.log(`Start the server with DOCKET_SECRET_KEY=${secretKey.toString('base64')} DOCKET_DEMO=false`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
