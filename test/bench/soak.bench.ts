// pnpm bench:soak — a steady mixed load against Docket's server process for a long while.
//
// Starts (through scripts/with-postgres.mjs) a throwaway PostgreSQL, fills it with the generator,
// starts Docket's real server in a child process, signs in, and sends BENCH_SOAK_RATE (default 200)
// requests per second for BENCH_SOAK_SECONDS (default 600) after BENCH_SOAK_WARMUP_SECONDS (default 30)
// of the same load: case reads, queues, complaint reads, search, the half-year report, and writes —
// new legal requests and notes, each with an Idempotency-Key (some keys deliberately sent twice).
// A fixed-rate loop (not a closed loop) keeps the rate steady whatever the latency. Prints errors
// (target 0), non-2xx answers, the server's RSS in the first and the last minute (target growth < 10%, see
// rssFigures) and latency percentiles per kind of request. Short try: BENCH_SOAK_SECONDS=60. Ctrl-C stops early and
// prints the figures so far. BENCH_SOAK_SEARCH sets search's share per thousand (default 50; 0 leaves it out).
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { LOG_FLUSH_MS } from '@docket/server/lib/logger';
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
  startDocketServer,
} from './bench-support';
import { BENCH_LEGAL, BENCH_PASSWORD, freshPostgresDatabase } from './generate-data';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const WARMUP_SECONDS = Number(process.env.BENCH_SOAK_WARMUP_SECONDS ?? 30);
const RATE = Number(process.env.BENCH_SOAK_RATE ?? 200);
/** Per thousand requests; 0 leaves search out (its share goes to case reads). */
const SEARCH_SHARE = Number(process.env.BENCH_SOAK_SEARCH ?? 50);
/** More requests than this in flight means the server has fallen behind: counted, not sent. */
const MAX_IN_FLIGHT = 1000;
const TIMEOUT_MS = 10_000;

type Kind =
  | 'read case'
  | 'queue'
  | 'read complaint'
  | 'complaint queue'
  | 'search'
  | 'report'
  | 'create request'
  | 'add note';

interface Shot {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  idempotencyKey?: string;
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? `${err.message} (${cause.message})` : err.message;
}

interface Tally {
  latencies: number[];
  statuses: Map<number, number>;
  errors: number;
  replays: number;
}

/**
 * The server's memory over the soak, from RSS sampled every second. Growth is judged on the lowest RSS
 * of the first minute against the lowest of the last. A garbage-collected heap rises with garbage
 * between full collections and falls after them, and how much garbage V8 lets build up before it
 * collects changes as it goes: under this load the live heap after each full collection stayed within
 * a few MiB (--trace-gc), while RSS rose by 57 MiB in a last minute with no full collection in it. What
 * a leak moves is the level the server comes back to: the floor. The median and a least-squares trend
 * are printed beside it.
 */
function rssFigures(samples: { second: number; kb: number }[], seconds: number) {
  const span = Math.min(60, seconds);
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const median = (values: number[]) => sorted(values)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
  const within = (from: number, to: number) =>
    samples.filter((x) => x.second >= from && x.second <= to).map((x) => x.kb);
  const first = within(0, span);
  const last = within(seconds - span, seconds);
  const floorFirst = Math.min(...first);
  const floorLast = Math.min(...last);
  const medianFirst = median(first);
  const medianLast = median(last);
  const n = samples.length;
  const meanX = samples.reduce((s, x) => s + x.second, 0) / n;
  const meanY = samples.reduce((s, x) => s + x.kb, 0) / n;
  const slope =
    samples.reduce((s, x) => s + (x.second - meanX) * (x.kb - meanY), 0) /
    samples.reduce((s, x) => s + (x.second - meanX) ** 2, 0);
  const perMinute: string[] = [];
  for (let from = 0; from < seconds; from += 60) {
    const minute = sorted(within(from, Math.min(from + 60, seconds)));
    const mib = (kb: number | undefined) => ((kb ?? Number.NaN) / 1024).toFixed(0);
    perMinute.push(`${mib(minute[0])}/${mib(median(minute))}/${mib(minute.at(-1))}`);
  }
  return {
    floorFirst,
    floorLast,
    growth: ((floorLast - floorFirst) / floorFirst) * 100,
    medianFirst,
    medianLast,
    medianGrowth: ((medianLast - medianFirst) / medianFirst) * 100,
    trendPerMinute: slope * 60,
    max: Math.max(...samples.map((x) => x.kb)),
    perMinute: perMinute.join(' '),
  };
}

const adminUrl = adminDatabaseUrl('bench:soak');
const secretKey = randomBytes(32);
const target = await freshPostgresDatabase(adminUrl, 'docket_bench_soak');
let docket: RunningProcess | undefined;
try {
  const { sample } = await fillBenchDatabase(target.url, secretKey);
  const { ids, complaintIds, identifiers, agencies } = sample;

  docket = await startDocketServer({ databaseUrl: target.url, secretKey });
  const server = docket;
  console.log(await settleFirstReminderRun(server));
  const cookie = await signIn(server.baseUrl, BENCH_LEGAL.email, BENCH_PASSWORD);
  const probe = await fetch(`${server.baseUrl}/api/search?q=${encodeURIComponent(pick(identifiers))}`, {
    headers: { cookie },
  });
  const searchAvailable = probe.status !== 404;
  await probe.arrayBuffer();
  if (!searchAvailable) console.log('search: route not available; its share goes to case reads');
  const searchShare = searchAvailable ? Math.min(Math.max(SEARCH_SHARE, 0), 590) : 0;

  const sentKeys: string[] = [];
  const queueViews = [
    '/api/legal-requests?status=in_review&limit=50',
    '/api/legal-requests?view=overdue&limit=50',
    '/api/legal-requests?view=due_soon&limit=50',
    '/api/legal-requests?view=unassigned&limit=50',
    '/api/legal-requests?processType=emergency&limit=50',
  ];
  // Shares of the mix, per thousand: mostly reading, as a case team works; one request in twenty writes.
  const mix: [Kind, number, () => Shot][] = [
    ['read case', 590 - searchShare, () => ({ method: 'GET', path: `/api/legal-requests/${pick(ids)}` })],
    ['queue', 200, () => ({ method: 'GET', path: pick(queueViews) })],
    ['read complaint', 100, () => ({ method: 'GET', path: `/api/complaints/${pick(complaintIds)}` })],
    ['complaint queue', 50, () => ({ method: 'GET', path: '/api/complaints?view=open&limit=50' })],
    ['search', searchShare, () => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(pick(identifiers))}` })],
    ['report', 5, () => ({ method: 'GET', path: `/api/reports/transparency?${REPORT_QUERY}` })],
    [
      'create request',
      30,
      () => {
        // One create in ten repeats an earlier key: the server must answer the first result again.
        const reuse = sentKeys.length > 0 && Math.random() < 0.1;
        const key = reuse ? pick(sentKeys) : randomUUID();
        if (!reuse) sentKeys.push(key);
        const agency = agencies[Number.parseInt(key.slice(0, 6), 16) % agencies.length] ?? pick(agencies);
        return {
          method: 'POST',
          path: '/api/legal-requests',
          idempotencyKey: key,
          // The body is a function of the key, so a repeated key carries the same request.
          body: {
            processType: 'subpoena',
            agencyId: agency.id,
            country: agency.country,
            receivedAt: '2026-11-01T09:00:00Z',
            summary: `Soak test subpoena ${key.slice(0, 8)}`,
            identifiers: [{ kind: 'email', value: `soak-${key.slice(0, 8)}@mail.example` }],
            dataCategories: ['subscriber'],
          },
        };
      },
    ],
    [
      'add note',
      25,
      () => ({
        method: 'POST',
        path: `/api/legal-requests/${pick(ids)}/notes`,
        idempotencyKey: randomUUID(),
        body: { kind: 'review', body: 'Soak test review note' },
      }),
    ],
  ];
  if (mix.reduce((s, [, w]) => s + w, 0) !== 1000) throw new Error('the mix does not add up to 1000');
  console.log(
    `Mix per thousand: ${mix
      .filter(([, w]) => w > 0)
      .map(([kind, w]) => `${kind} ${w}`)
      .join(', ')}`,
  );
  const chooseShot = (): [Kind, Shot] => {
    let u = Math.random() * 1000;
    for (const [kind, weight, make] of mix) {
      if (u < weight) return [kind, make()];
      u -= weight;
    }
    const [kind, , make] = mix[0] as (typeof mix)[number];
    return [kind, make()];
  };

  let tallies = new Map<Kind, Tally>();
  const errorSamples = new Set<string>();
  let inFlight = 0;
  let skipped = 0;
  const fire = async () => {
    const [kind, shot] = chooseShot();
    let tally = tallies.get(kind);
    if (!tally) {
      tally = { latencies: [], statuses: new Map(), errors: 0, replays: 0 };
      tallies.set(kind, tally);
    }
    const t = tally;
    inFlight += 1;
    const started = performance.now();
    try {
      const headers: Record<string, string> = { cookie };
      if (shot.body !== undefined) {
        headers['content-type'] = 'application/json';
        headers.origin = server.baseUrl;
      }
      if (shot.idempotencyKey) headers['idempotency-key'] = shot.idempotencyKey;
      const res = await fetch(`${server.baseUrl}${shot.path}`, {
        method: shot.method,
        headers,
        ...(shot.body !== undefined ? { body: JSON.stringify(shot.body) } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.arrayBuffer();
      t.latencies.push(performance.now() - started);
      t.statuses.set(res.status, (t.statuses.get(res.status) ?? 0) + 1);
      if (res.headers.get('idempotent-replayed') === 'true') t.replays += 1;
    } catch (err) {
      t.errors += 1;
      if (errorSamples.size < 5) errorSamples.add(`${kind}: ${describeError(err)}`);
    } finally {
      inFlight -= 1;
    }
  };

  /** Sends RATE requests per second for the given time, catching up on ticks the timer was late for. */
  // Ctrl-C ends the soak early: the figures so far are printed and everything started is stopped.
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    console.log('\nInterrupted: stopping the load and printing the figures so far…');
  });
  const run = async (seconds: number, onSecond?: (elapsed: number) => void) => {
    const interval = 1000 / RATE;
    const started = performance.now();
    let sent = 0;
    let lastSecond = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = performance.now() - started;
        const due = Math.min(Math.floor(elapsed / interval), Math.floor(seconds * RATE));
        while (sent < due) {
          sent += 1;
          if (inFlight >= MAX_IN_FLIGHT) skipped += 1;
          else void fire();
        }
        const second = Math.floor(elapsed / 1000);
        if (second > lastSecond) {
          lastSecond = second;
          onSecond?.(second);
        }
        if (elapsed >= seconds * 1000 || interrupted) {
          clearInterval(timer);
          resolve();
        }
      }, 2);
    });
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));
    return { sent, seconds: (performance.now() - started) / 1000 };
  };

  console.log(`\nWarm-up: ${WARMUP_SECONDS} s at ${RATE} requests/s…`);
  await run(WARMUP_SECONDS);
  tallies = new Map();
  skipped = 0;
  const rssStart = server.rssKb();
  const rssSamples: { second: number; kb: number }[] = [{ second: 0, kb: rssStart }];
  console.log(
    `Soak: ${SECONDS} s at ${RATE} requests/s (server RSS after warm-up ${(rssStart / 1024).toFixed(0)} MiB)…`,
  );
  const sent = await run(SECONDS, (second) => {
    rssSamples.push({ second, kb: server.rssKb() });
    if (second % 60 === 0) {
      const done = [...tallies.values()].reduce((s, t) => s + t.latencies.length, 0);
      const failed = [...tallies.values()].reduce((s, t) => s + t.errors, 0);
      console.log(
        `  ${second} s: ${done.toLocaleString('en')} answered, ${failed.toLocaleString('en')} errors, ${inFlight} in flight, ` +
          `RSS ${(server.rssKb() / 1024).toFixed(0)} MiB`,
      );
    }
  });
  const rssEnd = server.rssKb();
  rssSamples.push({ second: SECONDS, kb: rssEnd });
  const memory = rssFigures(rssSamples, SECONDS);
  // Lines of the last second may still wait in the server's log buffer (server/src/lib/logger.ts).
  await new Promise((resolve) => setTimeout(resolve, LOG_FLUSH_MS + 500));

  const all: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let answered = 0;
  const statusCounts = new Map<number, number>();
  console.log(
    `\n${pad('kind', 16, true)} ${pad('answered', 9)} ${pad('non-2xx', 8)} ${pad('errors', 7)} ${pad('p50', 9)} ${pad('p95', 9)} ${pad('p99', 9)} ${pad('max', 9)}`,
  );
  for (const [kind] of mix) {
    const t = tallies.get(kind);
    if (!t) continue;
    t.latencies.sort((a, b) => a - b);
    all.push(...t.latencies);
    errors += t.errors;
    answered += t.latencies.length;
    let bad = 0;
    for (const [status, n] of t.statuses) {
      statusCounts.set(status, (statusCounts.get(status) ?? 0) + n);
      if (status < 200 || status >= 300) bad += n;
    }
    non2xx += bad;
    console.log(
      `${pad(kind, 16, true)} ${pad(t.latencies.length, 9)} ${pad(bad, 8)} ${pad(t.errors, 7)} ${pad(ms(quantile(t.latencies, 0.5)), 9)} ` +
        `${pad(ms(quantile(t.latencies, 0.95)), 9)} ${pad(ms(quantile(t.latencies, 0.99)), 9)} ${pad(ms(t.latencies.at(-1) ?? Number.NaN), 9)}` +
        (t.replays ? `   (${t.replays} idempotent replays)` : ''),
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `${pad('all', 16, true)} ${pad(answered, 9)} ${pad(non2xx, 8)} ${pad(errors, 7)} ${pad(ms(quantile(all, 0.5)), 9)} ` +
      `${pad(ms(quantile(all, 0.95)), 9)} ${pad(ms(quantile(all, 0.99)), 9)} ${pad(ms(all.at(-1) ?? Number.NaN), 9)}`,
  );
  const serverErrors = server
    .log()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line)).length;
  const statuses = [...statusCounts]
    .sort(([x], [y]) => x - y)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ');
  const mib = (kb: number) => `${(kb / 1024).toFixed(1)} MiB`;
  console.log(
    [
      '',
      `Scheduled ${sent.sent.toLocaleString('en')} requests over ${SECONDS} s (${RATE}/s); sent ${(sent.sent - skipped).toLocaleString('en')}` +
        (skipped
          ? ` (${skipped.toLocaleString('en')} skipped: ${MAX_IN_FLIGHT} were already waiting for answers)`
          : '') +
        `; the last answer came ${sent.seconds.toFixed(0)} s after the start`,
      `Status codes: ${statuses}`,
      `Errors (network, timeouts > ${TIMEOUT_MS / 1000} s, skipped): ${errors + skipped}   target 0: ${errors + skipped === 0 ? 'PASS' : 'FAIL'}`,
      ...(errorSamples.size ? [`First errors: ${[...errorSamples].join('; ')}`] : []),
      `Non-2xx answers: ${non2xx}   server log lines at error level: ${serverErrors}`,
      `Server RSS: ${mib(rssStart)} after warm-up → ${mib(rssEnd)} at the end (max ${mib(memory.max)}); sampled every second`,
      `Server RSS, lowest of each minute: ${mib(memory.floorFirst)} in the first → ${mib(memory.floorLast)} in the last; growth ${memory.growth.toFixed(1)}%   target < 10%: ${memory.growth < 10 ? 'PASS' : 'FAIL'}`,
      `Server RSS, median of each minute: ${mib(memory.medianFirst)} in the first → ${mib(memory.medianLast)} in the last (${memory.medianGrowth.toFixed(1)}%); trend over the run ${memory.trendPerMinute >= 0 ? '+' : ''}${(memory.trendPerMinute / 1024).toFixed(2)} MiB a minute`,
      `RSS each minute, lowest/median/highest (MiB): ${memory.perMinute}`,
      `Machine: ${machineLoad()} at the end`,
    ].join('\n'),
  );
} finally {
  await docket?.stop();
  await target.drop();
}
