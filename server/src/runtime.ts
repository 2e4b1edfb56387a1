import { join } from 'node:path';
import { createDb, type DbHandle } from '@docket/db/create-db';
import { migrateToLatest } from '@docket/db/migrate';
import { systemClock } from './lib/clock';
import type { AppDeps } from './lib/context';
import { type Config, loadConfig } from './lib/env';
import { createLogger, flushLogger, stdoutDestination } from './lib/logger';
import { PageCache } from './lib/page-cache';
import { openSessionCache, SessionCache } from './modules/auth/auth.session-cache';

export interface Runtime {
  deps: AppDeps;
  handle: DbHandle;
  close: () => Promise<void>;
}

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in the data folder) and
 * migrates it. A server keeps checked sessions, which takes a connection listening for auth changes; a
 * command that serves no requests (`serving: false`) keeps none and opens no such connection.
 */
export async function openRuntime(
  config: Config = loadConfig(),
  options: { serving: boolean } = { serving: true },
): Promise<Runtime> {
  const logger = createLogger(config.logLevel, stdoutDestination());
  const handle = config.databaseUrl
    ? createDb({ kind: 'postgres', url: config.databaseUrl })
    : createDb({ kind: 'pglite', dataDir: join(config.dataDir, 'pglite') });
  const { applied } = await migrateToLatest(handle.db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  const sessionCache = options.serving ? await openSessionCache(handle) : new SessionCache(0);
  return {
    deps: {
      db: handle.db,
      config,
      clock: systemClock,
      logger,
      sessionCache,
      pages: new PageCache(options.serving ? config.pageCacheMb * 1024 * 1024 : 0),
    },
    handle,
    close: async () => {
      await handle.close();
      await flushLogger(logger);
    },
  };
}
