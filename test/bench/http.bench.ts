// pnpm bench:http — Docket over HTTP against the least a Hono app can do on the same database.
//
// Starts (through scripts/with-postgres.mjs) a throwaway PostgreSQL, fills it with the generator
// (1,000,000 legal requests and 200,000 complaints unless BENCH_REQUESTS / BENCH_COMPLAINTS say
// otherwise), starts Docket's real server and a bare Hono route in child processes of their own, and
// drives each with autocannon for BENCH_SECONDS (default 10) after a short warm-up. Prints requests/s
// and latency percentiles side by side, each Docket figure as a ratio of the bare route, and the
// targets with PASS/FAIL. A script that prints figures: it asserts nothing.
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import {
  adminDatabaseUrl,
  fillBenchDatabase,
  machineLoad,
  ms,
  pad,
  pick,
  quantile,
  REPORT_QUERY,
  type RunningProcess,
  settleFirstReminderRun,
  signIn,
  startBareServer,
  startDocketServer,
} from './bench-support';
import { BENCH_LEGAL, BENCH_PASSWORD, freshPostgresDatabase } from './generate-data';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
/** The report scans a half-year of requests per call; a couple of people run it at once, not twenty. */
const REPORT_CONNECTIONS = Number(process.env.BENCH_REPORT_CONNECTIONS ?? 2);
const QUEUE_PATH = '/api/legal-requests?status=in_review&limit=50';

interface Figures {
  name: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  responses: number;
  non2xx: number;
  errors: number;
}

/** One autocannon run; latencies come from every response, so p95 is exact (autocannon reports no p95). */
async function load(
  name: string,
  baseUrl: string,
  options: { connections: number; seconds: number; cookie?: string; path: () => string },
): Promise<Figures> {
  const latencies: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        headers: options.cookie ? { cookie: options.cookie } : {},
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: options.path() }) }],
      },
      (err, done) => (err ? reject(err) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx += 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    name,
    connections: options.connections,
    rps: result.requests.average,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    responses: latencies.length,
    non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function measure(
  name: string,
  baseUrl: string,
  options: { connections: number; cookie?: string; path: () => string },
): Promise<Figures> {
  process.stdout.write(`  ${name}: warm-up ${WARMUP_SECONDS} s, measure ${SECONDS} s … `);
  if (WARMUP_SECONDS > 0) await load(name, baseUrl, { ...options, seconds: WARMUP_SECONDS });
  const figures = await load(name, baseUrl, { ...options, seconds: SECONDS });
  console.log(`${figures.rps.toFixed(0)} req/s`);
  return figures;
}

async function getJson(url: string, cookie: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers: { cookie } });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

const adminUrl = adminDatabaseUrl('bench:http');
const secretKey = randomBytes(32);
const target = await freshPostgresDatabase(adminUrl, 'docket_bench_http');
const servers: RunningProcess[] = [];
process.once('SIGINT', () => {
  void Promise.all(servers.map((server) => server.stop()))
    .then(() => target.drop())
    .finally(() => process.exit(130));
});
try {
  const { summary, sample } = await fillBenchDatabase(target.url, secretKey);
  const { ids, identifiers, references } = sample;
  const words = ['fraud', 'extortion', 'harassment', 'warrant', 'preservation', 'laundering'];

  const docket = await startDocketServer({ databaseUrl: target.url, secretKey });
  servers.push(docket);
  console.log(await settleFirstReminderRun(docket));
  const bare = await startBareServer(target.url);
  servers.push(bare);
  const cookie = await signIn(docket.baseUrl, BENCH_LEGAL.email, BENCH_PASSWORD);

  // Each Docket route answers what the benchmark claims before it is timed.
  const oneCase = await getJson(`${docket.baseUrl}/api/legal-requests/${pick(ids)}`, cookie);
  if (oneCase.status !== 200 || !oneCase.body.request?.reference) throw new Error(`case read: ${oneCase.status}`);
  const queue = await getJson(`${docket.baseUrl}${QUEUE_PATH}`, cookie);
  if (queue.status !== 200 || queue.body.requests?.length !== 50)
    throw new Error(`queue: ${queue.status}, ${queue.body.requests?.length} rows`);
  const report = await getJson(`${docket.baseUrl}/api/reports/transparency?${REPORT_QUERY}`, cookie);
  if (report.status !== 200) throw new Error(`report: ${report.status} ${JSON.stringify(report.body)}`);
  const bareCheck = await fetch(`${bare.baseUrl}/legal-requests/${pick(ids)}`);
  if (bareCheck.status !== 200) throw new Error(`bare route: ${bareCheck.status}`);
  const probe = await getJson(`${docket.baseUrl}/api/search?q=${encodeURIComponent(pick(identifiers))}`, cookie);
  const searchAvailable = probe.status !== 404 || probe.body?.error?.code !== 'not_found';
  if (searchAvailable && (probe.status !== 200 || !Array.isArray(probe.body.results)))
    throw new Error(`search: ${probe.status} ${JSON.stringify(probe.body).slice(0, 300)}`);

  console.log(`\nLoad (autocannon, ${SECONDS} s each after a ${WARMUP_SECONDS} s warm-up; ${machineLoad()}):`);
  const results: Figures[] = [];
  const bareFigures = await measure('bare route', bare.baseUrl, {
    connections: CONNECTIONS,
    path: () => `/legal-requests/${pick(ids)}`,
  });
  results.push(bareFigures);
  const caseFigures = await measure('read one case', docket.baseUrl, {
    connections: CONNECTIONS,
    cookie,
    path: () => `/api/legal-requests/${pick(ids)}`,
  });
  results.push(caseFigures);
  const queueFigures = await measure('queue', docket.baseUrl, {
    connections: CONNECTIONS,
    cookie,
    path: () => QUEUE_PATH,
  });
  results.push(queueFigures);
  // The report before search: a search that times out leaves its query running in the database.
  const reportFigures = await measure('half-year report', docket.baseUrl, {
    connections: REPORT_CONNECTIONS,
    cookie,
    path: () => `/api/reports/transparency?${REPORT_QUERY}`,
  });
  results.push(reportFigures);
  let searchFigures: Figures | null = null;
  if (searchAvailable) {
    // Half identifiers, a quarter references, a quarter words from the summaries.
    const term = () => {
      const r = Math.random();
      return r < 0.5 ? pick(identifiers) : r < 0.75 ? pick(references) : pick(words);
    };
    searchFigures = await measure('search', docket.baseUrl, {
      connections: CONNECTIONS,
      cookie,
      path: () => `/api/search?q=${encodeURIComponent(term())}`,
    });
    results.push(searchFigures);
  } else {
    console.log('  search: route not available');
  }

  const requestOf: Record<string, string> = {
    'bare route': `GET /legal-requests/:id  (bare Hono app, one primary-key SELECT through postgres.js)`,
    'read one case': 'GET /api/legal-requests/:id  (random ids, signed in as legal)',
    queue: `GET ${QUEUE_PATH}`,
    search: 'GET /api/search?q=…  (identifiers, references and summary words)',
    'half-year report': `GET /api/reports/transparency?${REPORT_QUERY}`,
  };
  const targets: Record<string, { text: string; met: (f: Figures) => boolean }> = {
    'read one case': { text: 'req/s ≥ 0.5× bare', met: (f) => f.rps >= 0.5 * bareFigures.rps },
    queue: { text: 'p99 ≤ 100 ms at 20 connections', met: (f) => f.p99 <= 100 && f.connections >= 20 },
    search: { text: 'p95 ≤ 150 ms', met: (f) => f.p95 <= 150 },
  };
  console.log(
    `\nPostgreSQL 15, ${summary.legalRequests.toLocaleString('en')} legal requests, ${summary.complaints.toLocaleString('en')} complaints; ` +
      `servers, database and autocannon share this machine's cores (${machineLoad()} at the end).\n`,
  );
  const header = [
    pad('route', 17, true),
    pad('conns', 5),
    pad('req/s', 7),
    pad('× bare', 6),
    pad('p50', 8),
    pad('p95', 8),
    pad('p99', 8),
    pad('non-2xx', 7),
    pad('errors', 6),
    '  target',
  ].join(' ');
  console.log(header);
  console.log('-'.repeat(header.length + 34));
  const row = (f: Figures) => {
    const t = targets[f.name];
    const verdict = t ? `${t.text}: ${f.non2xx === 0 && f.errors === 0 && t.met(f) ? 'PASS' : 'FAIL'}` : '';
    return [
      pad(f.name, 17, true),
      pad(f.connections, 5),
      pad(f.rps.toFixed(0), 7),
      pad(f === bareFigures ? '1.00' : (f.rps / bareFigures.rps).toFixed(2), 6),
      pad(ms(f.p50), 8),
      pad(ms(f.p95), 8),
      pad(ms(f.p99), 8),
      pad(f.non2xx, 7),
      pad(f.errors, 6),
      `  ${verdict}`,
    ].join(' ');
  };
  for (const f of results) console.log(row(f));
  if (!searchFigures) console.log(`${pad('search', 17, true)} route not available (GET /api/search answered 404)`);
  console.log('');
  for (const [name, request] of Object.entries(requestOf)) console.log(`  ${pad(name, 17, true)} ${request}`);
  console.log(`\nDocket server RSS at the end: ${(docket.rssKb() / 1024).toFixed(0)} MiB`);
} finally {
  for (const server of servers) await server.stop();
  await target.drop();
}
