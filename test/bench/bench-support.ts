// What the benchmark scripts share: a Docket server in a child process of its own (as in production,
// so the load generator never shares its event loop), the bare comparison server, signing in over
// HTTP, the server's resident memory, and percentiles.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@docket/db/create-db';
import { migrateToLatest } from '@docket/db/migrate';
import { type RawBuilder, sql } from 'kysely';
import { freePort } from '../support/free-port';
import { formatSummary, type GenerateSummary, generateData } from './generate-data';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningProcess {
  baseUrl: string;
  pid: number;
  logFile: string;
  /** The process's log so far. */
  log(): string;
  /** Resident set size of the process, in KiB (Linux /proc). */
  rssKb(): number;
  stop(): Promise<void>;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}

async function spawnAndWait(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  ready: (log: string) => boolean,
  readyPath: string,
): Promise<RunningProcess> {
  const dir = mkdtempSync(join(tmpdir(), `docket-bench-${name}-`));
  const logFile = join(dir, `${name}.log`);
  // The log goes to a file, as it would in production; a pipe nobody drains would stall the server.
  const fd = openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up:\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}${readyPath}`);
      if (res.ok && ready(log())) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become ready in 120 s:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name} has no pid`);
  return {
    baseUrl,
    pid,
    logFile,
    log,
    rssKb: () => rssOf(pid),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Docket's real server (server/src/main.ts, the code `pnpm start` runs) in a child process: on
 * PostgreSQL when databaseUrl is given, else on PGlite in dataDir. No demo data: the generator
 * made the people.
 */
export async function startDocketServer(options: {
  databaseUrl?: string;
  dataDir?: string;
  secretKey: Buffer;
  logLevel?: string;
}): Promise<RunningProcess> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'docket-bench-data-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_ORIGIN: `http://127.0.0.1:${port}`,
    DOCKET_DATA_DIR: dataDir,
    DOCKET_DEMO: 'false',
    DOCKET_SECRET_KEY: options.secretKey.toString('base64'),
    LOG_LEVEL: options.logLevel ?? process.env.BENCH_LOG_LEVEL ?? 'info',
    NODE_ENV: 'production',
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const server = await spawnAndWait(
    'docket',
    ['--import', 'tsx', join(repoRoot, 'server/src/main.ts')],
    env,
    port,
    (log) => log.includes('Docket is running'),
    '/readyz',
  );
  const stop = server.stop;
  return {
    ...server,
    async stop() {
      await stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The comparison: a bare Hono app with one route doing one primary-key SELECT through postgres.js. */
export async function startBareServer(databaseUrl: string): Promise<RunningProcess> {
  const port = await freePort();
  return spawnAndWait(
    'bare',
    ['--import', 'tsx', join(repoRoot, 'test/bench/bare-server.ts')],
    { ...process.env, BARE_PORT: String(port), BARE_DATABASE_URL: databaseUrl },
    port,
    () => true,
    '/ready',
  );
}

/** Signs in the way the web app does (Origin header from Docket's own origin); answers the Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { me?: { next?: string } };
  if (res.status !== 200 || body.me?.next !== 'done') {
    throw new Error(`sign-in as ${email} failed: ${res.status} ${JSON.stringify(body)}`);
  }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('docket_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie;
}

/** The value at quantile q (0–1) of an ascending array (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export function pad(value: string | number, width: number, right = false): string {
  const text = String(value);
  return right ? text.padEnd(width) : text.padStart(width);
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '—');

export function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** The admin connection string benchmarks create their databases with. */
export function adminDatabaseUrl(command: string): string {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.error(`Set BENCH_DATABASE_URL (a PostgreSQL user that may create databases), or run: pnpm ${command}`);
    process.exit(1);
  }
  return url;
}

/** How busy the machine was: benchmark figures mean little without it. */
export function machineLoad(): string {
  const [one, five] = loadavg();
  return `${cpus().length} cores, load average ${one?.toFixed(1)} (1 min) ${five?.toFixed(1)} (5 min)`;
}

/**
 * Waits until the server has logged its first reminder run (it creates the reminders a freshly filled
 * database owes all at once, a few seconds after start), so that one-off burst is not measured as load.
 * Answers a line saying what happened.
 */
export async function settleFirstReminderRun(server: RunningProcess, timeoutMs = 300_000): Promise<string> {
  const started = Date.now();
  const line = () =>
    server
      .log()
      .split('\n')
      .find((l) => /"msg":"(reminders run|reminder run failed)"/.test(l));
  while (!line() && Date.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 500));
  const found = line();
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (!found) return `no reminder run logged within ${seconds} s of start-up`;
  const parsed = JSON.parse(found) as { created?: number; msg: string };
  return `first reminder run: ${parsed.msg === 'reminders run' ? `${parsed.created ?? 0} reminders created` : 'failed'}, ${seconds} s after start-up`;
}

/** The data size of the HTTP benchmark and the soak: BENCH_REQUESTS and BENCH_COMPLAINTS, else 1M and 200k. */
export const benchSizes = {
  requests: Number(process.env.BENCH_REQUESTS ?? 1_000_000),
  complaints: Number(process.env.BENCH_COMPLAINTS ?? 200_000),
};

/** The half-year the report benchmarks ask for. */
export const REPORT_QUERY = 'periodStart=2025-01-01&periodEnd=2025-06-30';

/** What the load picks from at random: real ids, identifiers and references of the generated data. */
export interface BenchSample {
  ids: string[];
  identifiers: string[];
  references: string[];
  complaintIds: string[];
  agencies: { id: string; country: string }[];
}

/**
 * Migrates a fresh PostgreSQL database, fills it with the generator (benchSizes), printing what it
 * made, and samples what the load will ask for.
 */
export async function fillBenchDatabase(
  url: string,
  secretKey: Buffer,
): Promise<{ summary: GenerateSummary; sample: BenchSample }> {
  const handle = createDb({ kind: 'postgres', url });
  try {
    await migrateToLatest(handle.db);
    console.log(
      `Generating ${benchSizes.requests.toLocaleString('en')} legal requests and ${benchSizes.complaints.toLocaleString('en')} complaints…`,
    );
    const summary = await generateData(handle.db, {
      legalRequests: benchSizes.requests,
      complaints: benchSizes.complaints,
      secretKey,
      log: (line) => console.log(line),
    });
    console.log(formatSummary(summary));
    const rows = async <T>(query: RawBuilder<T>) => (await query.execute(handle.db)).rows;
    const sample: BenchSample = {
      ids: (await rows(sql<{ id: string }>`select id from legal_requests tablesample system (2) limit 20000`)).map(
        (r) => r.id,
      ),
      identifiers: (
        await rows(
          sql<{ value: string }>`select value from legal_request_identifiers tablesample system (1) limit 5000`,
        )
      ).map((r) => r.value),
      references: (
        await rows(sql<{ reference: string }>`select reference from legal_requests tablesample system (1) limit 5000`)
      ).map((r) => r.reference),
      complaintIds: (await rows(sql<{ id: string }>`select id from complaints tablesample system (5) limit 5000`)).map(
        (r) => r.id,
      ),
      agencies: await rows(sql<{ id: string; country: string }>`select id, country from agencies`),
    };
    return { summary, sample };
  } finally {
    await handle.close();
  }
}
