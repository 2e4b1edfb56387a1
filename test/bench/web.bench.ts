// pnpm bench:web — the web app's two figures:
//   1. initial JavaScript: the entry script and the modules web/dist/index.html preloads, gzipped
//      (target ≤ 200 kB, kB = 1,000 bytes as Vite prints them);
//   2. the queue page: from navigation to 50 rows rendered in Chromium on localhost (target ≤ 1.5 s),
//      against Docket's real server on PGlite in a temporary data folder filled by the generator.
// Builds the web app first. A script that prints figures: it asserts nothing.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createDb } from '@docket/db/create-db';
import { migrateToLatest } from '@docket/db/migrate';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import { launchChromium } from '../support/chromium';
import { machineLoad, pad, quantile, repoRoot, startDocketServer } from './bench-support';
import { BENCH_LEGAL, BENCH_PASSWORD, formatSummary, generateData } from './generate-data';

const BUDGET_BYTES = 200_000;
const RENDER_TARGET_MS = 1500;
const ROWS = 50;
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const REQUESTS = Number(process.env.BENCH_WEB_REQUESTS ?? 10_000);
const COMPLAINTS = Number(process.env.BENCH_WEB_COMPLAINTS ?? 2_000);
console.log('Building the web app (pnpm --filter @docket/web build)…');
const build = spawnSync('pnpm', ['--filter', '@docket/web', 'build'], { cwd: repoRoot, encoding: 'utf8' });
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}

// 1. Initial JavaScript: what the browser must fetch before the app can start.
const dist = join(repoRoot, 'web', 'dist');
const indexHtml = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [
  ...[...indexHtml.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => ({
    kind: 'entry',
    href: m[1],
  })),
  ...[...indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => ({
    kind: 'preload',
    href: m[1],
  })),
];
if (!entries.some((e) => e.kind === 'entry')) throw new Error('web/dist/index.html has no module entry script');
const files = entries.map((entry) => {
  const bytes = readFileSync(join(dist, (entry.href ?? '').replace(/^\//, '')));
  return { ...entry, raw: bytes.length, gzip: gzipSync(bytes).length };
});
const totalGzip = files.reduce((sum, f) => sum + f.gzip, 0);
const totalRaw = files.reduce((sum, f) => sum + f.raw, 0);
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

// 2. The queue page in Chromium.
const dataDir = mkdtempSync(join(tmpdir(), 'docket-bench-web-'));
const secretKey = randomBytes(32);
const handle = createDb({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
await migrateToLatest(handle.db);
console.log(`Generating ${REQUESTS.toLocaleString('en')} legal requests into PGlite…`);
const summary = await generateData(handle.db, { legalRequests: REQUESTS, complaints: COMPLAINTS, secretKey });
await handle.close();
console.log(formatSummary(summary));

const server = await startDocketServer({ dataDir, secretKey });
const browser = await launchChromium(ensureChromium());
const cold: number[] = [];
const warm: number[] = [];
try {
  const signedIn = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await signedIn.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(BENCH_LEGAL.email);
  await page.getByLabel('Password').fill(BENCH_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  const cookies = await signedIn.cookies();

  /** Navigates to the queue and answers the page's own clock (ms since navigation start) at the frame with 50 rows. */
  const timeQueue = async (p: typeof page) => {
    await p.goto('/requests', { waitUntil: 'commit' });
    const at = await p.waitForFunction(
      (rows) => (document.querySelectorAll('main table tbody tr').length >= rows ? performance.now() : null),
      ROWS,
      { polling: 'raf', timeout: 30_000 },
    );
    return Number(await at.jsonValue());
  };

  await timeQueue(page); // the server's first queue query warms its caches; not counted
  for (let i = 0; i < RUNS; i++) {
    // Cold: a fresh browser profile (empty HTTP cache) that carries only the session cookie.
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    await context.addCookies(cookies);
    cold.push(await timeQueue(await context.newPage()));
    await context.close();
    // Warm: the same signed-in profile navigating again, scripts in its cache.
    warm.push(await timeQueue(page));
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
cold.sort((a, b) => a - b);
warm.sort((a, b) => a - b);

console.log('\nInitial JavaScript (web/dist/index.html: entry script and modulepreload links):');
for (const f of files)
  console.log(
    `  ${pad(f.kind, 8, true)} ${pad(f.href ?? '', 44, true)} ${pad(kb(f.raw), 10)} ${pad(kb(f.gzip), 10)} gzip`,
  );
const slowestCold = cold.at(-1) ?? Number.NaN;
const line = (figure: string, result: string, target: string) =>
  console.log(`${pad(figure, 62, true)} ${pad(result, 34, true)} ${target}`);
console.log('');
line('figure', 'result', 'target');
line(
  `initial JavaScript, gzipped (${files.length} files, ${kb(totalRaw)} before gzip)`,
  kb(totalGzip),
  `≤ ${kb(BUDGET_BYTES)}: ${totalGzip <= BUDGET_BYTES ? 'PASS' : 'FAIL'}`,
);
line(
  `queue page, navigation → ${ROWS} rows, empty cache (${RUNS} runs)`,
  `median ${quantile(cold, 0.5).toFixed(0)} ms, slowest ${slowestCold.toFixed(0)} ms`,
  `≤ ${RENDER_TARGET_MS} ms (slowest run): ${slowestCold <= RENDER_TARGET_MS ? 'PASS' : 'FAIL'}`,
);
line(
  `queue page, navigation → ${ROWS} rows, scripts cached (${RUNS} runs)`,
  `median ${quantile(warm, 0.5).toFixed(0)} ms, slowest ${(warm.at(-1) ?? Number.NaN).toFixed(0)} ms`,
  '',
);
console.log(
  `(Chromium headless on localhost; Docket on PGlite with ${summary.legalRequests.toLocaleString('en')} legal requests; ${machineLoad()}.)`,
);
