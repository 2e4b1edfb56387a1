// pnpm bench:report — fills a PostgreSQL database with one million legal requests over five years (and
// 200,000 complaints, with the shared generator in generate-data.ts) and times the half-year
// transparency report against the plain hand-written SQL aggregate over the same
// rows. Prints figures; asserts nothing (targets: report < 1 s, ratio ≤ 1.5×).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createDb } from '@docket/db/create-db';
import { migrateToLatest } from '@docket/db/migrate';
import { systemClock } from '@docket/server/lib/clock';
import { buildReport } from '@docket/server/modules/reports/reports.service';
import { reportQuerySchema } from '@docket/shared/reports.schemas';
import { sql } from 'kysely';
import { formatSummary, freshPostgresDatabase, generateData } from './generate-data';

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('Set BENCH_DATABASE_URL (a PostgreSQL user that may create databases), or run: pnpm bench:report');
  process.exit(1);
}
const ROWS = Number(process.env.BENCH_REQUESTS ?? process.env.BENCH_ROWS ?? 1_000_000);
const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 200_000);
const RUNS = 7;

const target = await freshPostgresDatabase(adminUrl, 'docket_bench');
const handle = createDb({ kind: 'postgres', url: target.url, poolSize: 10 });
const db = handle.db;
await migrateToLatest(db);

const generated = await generateData(db, {
  legalRequests: ROWS,
  complaints: COMPLAINTS,
  secretKey: randomBytes(32),
  log: (line) => console.log(line),
});
console.log(formatSummary(generated));
const loadSeconds = generated.seconds;
let t = performance.now();
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
await target.drop();
