// pnpm bench:import — writes a 100,000-row CSV of historical legal requests (a realistic spread of
// countries, agencies, process types, statuses and identifiers, with quoted fields), imports it through
// the same service the API and the CLI use on a fresh PostgreSQL database, including every audit event,
// then verifies the audit chain and imports the file again (every row skipped). Prints rows per second;
// asserts nothing (target: ≥ 5,000 rows/s including audit events).
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb } from '@docket/db/create-db';
import { migrateToLatest } from '@docket/db/migrate';
import { systemClock } from '@docket/server/lib/clock';
import { verifyAuditChain } from '@docket/server/modules/audit/audit.service';
import { prepareImport } from '@docket/server/modules/imports/imports.service';
import { type ImportMode, importColumnNames } from '@docket/shared/imports.schemas';
import { sql } from 'kysely';
import postgres from 'postgres';

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('Set BENCH_DATABASE_URL (a PostgreSQL user that may create databases), or run: pnpm bench:import');
  process.exit(1);
}
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const TARGET = 5_000;
const DB_NAME = 'docket_bench_import';

// ---- A realistic file -------------------------------------------------------------------------

/** A small deterministic generator, so every run imports the same file. */
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const weighted = <T>(items: readonly [T, number][]): T => {
  let r = random() * items.reduce((sum, [, w]) => sum + w, 0);
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items[0]?.[0] as T;
};

const countries = [
  'US',
  'US',
  'US',
  'DE',
  'FR',
  'GB',
  'GB',
  'IN',
  'BR',
  'JP',
  'AU',
  'CA',
  'ES',
  'IT',
  'NL',
  'PL',
  'SE',
  'MX',
];
const agencyWords = ['Police', 'Prosecutor', 'Court', 'Investigation Bureau', 'Cyber Unit', 'Ministry of Justice'];
const processTypes: [string, number][] = [
  ['subpoena', 40],
  ['court_order', 20],
  ['search_warrant', 12],
  ['emergency', 8],
  ['preservation', 10],
  ['national_security', 2],
  ['mlat', 5],
  ['other', 3],
];
const statuses: [string, number][] = [
  ['closed', 70],
  ['withdrawn', 8],
  ['rejected', 10],
  ['responded', 5],
  ['decided', 2],
  ['in_review', 3],
  ['received', 2],
];
const reach: Record<string, string> = {
  subpoena: 'subscriber',
  court_order: 'subscriber;non_content',
  search_warrant: 'subscriber;non_content;content',
};
const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const FIVE_YEARS_FROM = Date.UTC(2020, 0, 1);
const FIVE_YEARS_MS = 5 * 365 * 24 * 3600 * 1000;
const DAY = 24 * 3600 * 1000;

function generateCsv(path: string, rows: number): void {
  const lines: string[] = [importColumnNames.join(',')];
  for (let i = 0; i < rows; i++) {
    const country = pick(countries);
    const agency = `${country} ${pick(agencyWords)} ${1 + Math.floor(random() * 4)}`;
    const processType = weighted(processTypes);
    const status = weighted(statuses);
    const received = FIVE_YEARS_FROM + Math.floor(random() * FIVE_YEARS_MS);
    const decided = ['decided', 'responded', 'closed'].includes(status);
    const answered = ['responded', 'closed'].includes(status);
    const identifiers = Array.from(
      { length: 1 + Math.floor(random() * 3) },
      (_, k) => `${pick(['email', 'account', 'phone'])}:id-${i}-${k}@mail.example`,
    ).join(';');
    const nondisclosure = random() < 0.2;
    const row: Record<string, string> = {
      external_reference: `${country}-${Math.floor(received / DAY)}-${i}`,
      process_type: processType,
      agency_name: agency,
      agency_country: country,
      agency_kind: agency.includes('Court') ? 'court' : 'law_enforcement',
      received_at: iso(received),
      emergency: processType === 'emergency' ? 'true' : 'false',
      summary:
        random() < 0.1
          ? `Request "${i}", for records of ${identifiers.split(';').length} accounts,\nsee attached process`
          : `Request ${i} for records of ${identifiers.split(';').length} accounts`,
      data_categories: processType === 'preservation' ? '' : (reach[processType] ?? 'subscriber'),
      identifiers,
      date_range_start: random() < 0.5 ? '2019-01-01' : '',
      date_range_end: '',
      nondisclosure_kind: nondisclosure ? 'until' : '',
      nondisclosure_until: nondisclosure ? iso(received + 365 * DAY).slice(0, 10) : '',
      nondisclosure_statute: nondisclosure ? '18 U.S.C. 2705(b)' : '',
      status,
      disposition: decided
        ? weighted([
            ['produced', 5],
            ['partial', 2],
            ['none', 2],
            ['rejected', 1],
          ])
        : '',
      response_sent_at: answered ? iso(received + (2 + Math.floor(random() * 20)) * DAY) : '',
      response_method: answered ? 'secure_portal' : '',
    };
    lines.push(importColumnNames.map((c) => quote(row[c] ?? '')).join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

// ---- Run --------------------------------------------------------------------------------------

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
await admin.unsafe(`create database ${DB_NAME}`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${DB_NAME}`;
const handle = createDb({ kind: 'postgres', url: url.toString(), poolSize: 10 });
const db = handle.db;
await migrateToLatest(db);

const user = await db
  .insertInto('users')
  .values({
    email: 'bench.legal@example.test',
    name: 'Bench Legal',
    role: 'legal',
    password_hash: null,
    updated_at: new Date(),
  })
  .returning('id')
  .executeTakeFirstOrThrow();
// Half the agencies are already in the registry; the import adds the others.
await sql`
  insert into agencies (name, kind, country, updated_at)
  select c || ' Police ' || g, 'law_enforcement', c, now()
  from unnest(array['US','DE','FR','GB','IN','BR','JP','AU','CA','ES','IT','NL','PL','SE','MX']) c, generate_series(1, 4) g`.execute(
  db,
);

const dir = mkdtempSync(join(tmpdir(), 'docket-bench-import-'));
const file = join(dir, 'legal-requests.csv');
let t = performance.now();
generateCsv(file, ROWS);
const size = statSync(file).size;
console.log(
  `generated ${ROWS.toLocaleString('en')} rows, ${(size / 1024 / 1024).toFixed(1)} MB, in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

const deps = { db, clock: systemClock };
const actor = { userId: user.id, requestId: 'bench' };

/** CPU seconds the database's backends have used, when they run on this machine (Linux /proc). */
async function databaseCpuSeconds(): Promise<number | null> {
  const pids = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = ${DB_NAME}`.execute(db);
  let ticks = 0;
  try {
    for (const { pid } of pids.rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return null;
  }
  return ticks / 100;
}

async function runImport(mode: ImportMode) {
  const dbBefore = await databaseCpuSeconds();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const job = await prepareImport(deps, actor, { body: createReadStream(file), filename: 'legal-requests.csv', mode });
  const result = await job.run();
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const dbAfter = await databaseCpuSeconds();
  const cpuNote = `CPU: Node ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s${dbBefore !== null && dbAfter !== null ? `, PostgreSQL ${(dbAfter - dbBefore).toFixed(1)} s` : ''}`;
  return { result, seconds, cpuNote };
}

const auditBefore = await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(db);
const first = await runImport('all_or_nothing');
const rate = first.result.rowsTotal / first.seconds;
const auditAfter = await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(db);
const events = Number(auditAfter.rows[0]?.n) - Number(auditBefore.rows[0]?.n);
console.log(
  `import (all or nothing): ${first.result.created.toLocaleString('en')} created, ${first.result.rejected} rejected, ${first.result.agenciesCreated} agencies added, ${events.toLocaleString('en')} audit events, in ${first.seconds.toFixed(1)} s (${first.cpuNote}; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
);
console.log(
  `rows per second (including audit events): ${Math.round(rate).toLocaleString('en')}   target ≥ ${TARGET.toLocaleString('en')}: ${rate >= TARGET ? 'met' : 'MISSED'}`,
);
if (first.result.rejected > 0) console.log('first rejected rows:', first.result.rejectedRows.slice(0, 5));

t = performance.now();
const chain = await verifyAuditChain(db);
console.log(
  `audit chain: ${chain.ok ? 'OK' : `BROKEN at ${chain.firstBrokenSeq}: ${chain.problem}`}, ${chain.checked.toLocaleString('en')} events verified in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

const again = await runImport('all_or_nothing');
console.log(
  `re-import of the same file: ${again.result.created} created, ${again.result.skipped.toLocaleString('en')} skipped as already imported, in ${again.seconds.toFixed(1)} s (${Math.round(again.result.rowsTotal / again.seconds).toLocaleString('en')} rows/s)`,
);
const total = await sql<{ n: number }>`select count(*)::int as n from legal_requests`.execute(db);
console.log(
  `legal requests in the database: ${Number(total.rows[0]?.n).toLocaleString('en')} (expected ${ROWS.toLocaleString('en')})`,
);

await handle.close();
rmSync(dir, { recursive: true, force: true });
const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
await cleanup.unsafe(`drop database if exists ${DB_NAME} with (force)`);
await cleanup.end();
