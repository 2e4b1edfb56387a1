// pnpm bench:report — fills a PostgreSQL database with one million legal requests over five years and
// times the half-year transparency report against the plain hand-written SQL aggregate over the same
// rows. Prints figures; asserts nothing (targets: report < 1 s, ratio ≤ 1.5×).
import { performance } from 'node:perf_hooks';
import { createDb } from '@docket/db/create-db';
import { migrateToLatest } from '@docket/db/migrate';
import { systemClock } from '@docket/server/lib/clock';
import { buildReport } from '@docket/server/modules/reports/reports.service';
import { reportQuerySchema } from '@docket/shared/reports.schemas';
import { sql } from 'kysely';
import postgres from 'postgres';

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('Set BENCH_DATABASE_URL (a PostgreSQL user that may create databases), or run: pnpm bench:report');
  process.exit(1);
}
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = 7;

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe('drop database if exists docket_bench with (force)');
await admin.unsafe('create database docket_bench');
await admin.end();
const url = new URL(adminUrl);
url.pathname = '/docket_bench';
const handle = createDb({ kind: 'postgres', url: url.toString(), poolSize: 10 });
const db = handle.db;
await migrateToLatest(db);

let t = performance.now();
await sql`
  insert into agencies (name, kind, country, updated_at)
  select 'Agency ' || c || ' ' || g, 'law_enforcement', c, now()
  from unnest(array['US','DE','FR','GB','IN','BR','JP','AU','CA','ES','IT','NL','PL','SE','MX']) c, generate_series(1, 4) g`.execute(
  db,
);
await sql`
  insert into legal_requests (reference, process_type, agency_id, country, received_at, due_at, emergency, summary,
    data_categories, original_scope, nondisclosure_kind, status, disposition, identifier_count, updated_at)
  select 'LR-B-' || i,
         (array['subpoena','subpoena','subpoena','court_order','court_order','search_warrant','emergency','preservation',
                'national_security','mlat','other'])[1 + (i * 7919) % 11],
         (a.ids)[1 + (i % a.n)::int], (a.countries)[1 + (i % a.n)::int],
         timestamptz '2021-07-01' + ((i * 104729) % (5 * 365 * 24 * 60)) * interval '1 minute',
         null, (i % 31 = 0), 'generated', '{subscriber}', '{}'::jsonb,
         case when i % 5 = 0 then 'until' else 'none' end,
         'closed',
         (array['produced','partial','none','none'])[1 + (i * 13) % 4],
         1 + (i % 3), now()
  from generate_series(1::bigint, ${ROWS}::bigint) i
  cross join (select array_agg(id order by id) as ids, array_agg(country order by id) as countries, count(*) as n from agencies) a`.execute(
  db,
);
await sql`
  insert into pushbacks (request_id, grounds, asked, proposed, outcome)
  select id, '{overbroad}', 'a', 'b', (array['withdrawn','narrowed','upheld','pending'])[1 + (abs(hashtext(id::text)) % 4)]
  from legal_requests tablesample system (5)`.execute(db);
await sql`update legal_requests r set pushback_outcome = p.outcome from pushbacks p where p.request_id = r.id`.execute(
  db,
);
await sql`analyze`.execute(db);
const loadSeconds = (performance.now() - t) / 1000;
const count = await sql<{ n: number }>`select count(*)::int as n from legal_requests`.execute(db);

const query = reportQuerySchema.parse({ periodStart: '2025-01-01', periodEnd: '2025-06-30' });
const start = new Date('2025-01-01T00:00:00Z');
const end = new Date('2025-07-01T00:00:00Z');
const plain = () =>
  sql`select country, process_type, count(*), sum(identifier_count), count(*) filter (where disposition in ('produced','partial'))
      from legal_requests where received_at >= ${start} and received_at < ${end} group by 1, 2`.execute(db);
const report = () => buildReport({ db, clock: systemClock }, query);

async function time(fn: () => Promise<unknown>) {
  await fn(); // warm
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}
const plainMs = await time(plain);
const reportMs = await time(report);
const inPeriod = await sql<{
  n: number;
}>`select count(*)::int as n from legal_requests where received_at >= ${start} and received_at < ${end}`.execute(db);
console.log(
  `legal requests in the database: ${count.rows[0]?.n.toLocaleString('en')} (loaded in ${loadSeconds.toFixed(1)} s); in 2025-H1: ${inPeriod.rows[0]?.n.toLocaleString('en')}`,
);
console.log(`plain SQL aggregate (median of ${RUNS}):  ${plainMs.toFixed(1)} ms`);
console.log(
  `half-year report    (median of ${RUNS}):  ${reportMs.toFixed(1)} ms   target < 1000 ms: ${reportMs < 1000 ? 'met' : 'MISSED'}`,
);
console.log(
  `ratio report / plain SQL: ${(reportMs / plainMs).toFixed(2)}×   target ≤ 1.5×: ${reportMs / plainMs <= 1.5 ? 'met' : 'MISSED'}`,
);
await handle.close();
const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
await cleanup.unsafe('drop database if exists docket_bench with (force)');
await cleanup.end();
