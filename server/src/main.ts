import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig, REMINDER_INTERVAL_DEFAULT_SECONDS } from './lib/env';
import { pruneIdempotencyKeys } from './lib/idempotency';
import { deleteExpiredSessions } from './modules/auth/auth.queries';
import { sessionLimits } from './modules/auth/auth.sessions';
import { runRetention } from './modules/complaints/complaints.retention';
import { scheduleReminders } from './modules/notifications/notifications.scheduler';
import { openRuntime } from './runtime';
import { formatDemoSignIns, readDemoSignIns, seedDemoIfEmpty } from './seed/demo.seed';
import { serveWebApp } from './web-app';

async function main() {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  const { deps } = runtime;
  if (config.seedDemo) await seedDemoIfEmpty(deps);

  const app = createApp(deps);
  if (!serveWebApp(app, config.webDistDir)) {
    deps.logger.warn('web/dist not found: serving the API only (run `pnpm build`)');
  }

  // Expired sessions are refused on sight and old idempotency answers are no longer retries: this only
  // keeps both tables small.
  const sweep = setInterval(
    () => {
      const { idleMs, absoluteMs } = sessionLimits(deps);
      const now = deps.clock.now().getTime();
      deleteExpiredSessions(deps.db, new Date(now - idleMs), new Date(now - absoluteMs)).catch((err) =>
        deps.logger.error({ err }, 'session sweep failed'),
      );
      pruneIdempotencyKeys(deps.db, new Date(now)).catch((err) =>
        deps.logger.error({ err }, 'idempotency key sweep failed'),
      );
    },
    10 * 60 * 1000,
  );
  sweep.unref();

  // The retention rule runs daily (and a minute after start); an advisory lock keeps it to one server.
  const retention = () =>
    runRetention(deps, { userId: null, requestId: 'retention-schedule' }, { dryRun: false })
      .then(
        (report) => report.erased > 0 && deps.logger.info({ erased: report.erased }, 'retention erased personal data'),
      )
      .catch((err) => deps.logger.error({ err }, 'retention run failed'));
  const firstRetention = setTimeout(retention, 60 * 1000);
  firstRetention.unref();
  const dailyRetention = setInterval(retention, 24 * 60 * 60 * 1000);
  dailyRetention.unref();

  // Reminders: every interval (the first a few seconds after start); the same lock and unique key keep
  // each reminder to one notification and one email, however many servers run.
  const reminders = scheduleReminders(deps, config.reminderIntervalSeconds ?? REMINDER_INTERVAL_DEFAULT_SECONDS);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    const demo = config.seedDemo ? readDemoSignIns(deps) : null;
    const banner = [
      '',
      `Docket is running at ${config.publicOrigin}`,
      `Database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${join(config.dataDir, 'pglite')}`}`,
      ...(demo ? [formatDemoSignIns(demo)] : []),
      '',
    ].join('\n');
    process.stdout.write(`${banner}\n`);
    deps.logger.info({ port: config.port }, 'listening');
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ signal }, 'shutting down');
    clearInterval(sweep);
    clearTimeout(firstRetention);
    clearInterval(dailyRetention);
    server.close();
    // A run in progress finishes (its emails marked) before the database closes.
    await reminders.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(
      `Docket failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
  process.exit(1);
});
