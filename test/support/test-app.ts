import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp } from '@docket/server/app';
import { ManualClock } from '@docket/server/lib/clock';
import type { AppDeps } from '@docket/server/lib/context';
import type { Config } from '@docket/server/lib/env';
import { createLogger } from '@docket/server/lib/logger';
import { PageCache } from '@docket/server/lib/page-cache';
import { openSessionCache } from '@docket/server/modules/auth/auth.session-cache';
import { afterAll } from 'vitest';
import { openTestDatabase, type TestDatabase } from './test-database';

export const TEST_ORIGIN = 'http://docket.test';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    publicOrigin: TEST_ORIGIN,
    extraOrigins: [],
    databaseUrl: undefined,
    dataDir: mkdtempSync(join(tmpdir(), 'docket-test-')),
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    secureCookies: false,
    trustProxy: true,
    secretKey: randomBytes(32),
    seedDemo: false,
    complaintRetentionMonths: 24,
    pageCacheMb: 64,
    logLevel: 'info',
    webDistDir: '.tmp/no-web',
    ...overrides,
  };
}

export interface TestContext {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  clock: ManualClock;
  database: TestDatabase;
  /** Every log line the app wrote, as text. */
  logLines: string[];
}

/** A real app on a real database of this test file's own; closed after the file's tests. */
export async function setupTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const clock = new ManualClock(new Date());
  const config = testConfig(overrides);
  const deps: AppDeps = {
    db: database.db,
    config,
    clock,
    logger: createLogger('info', sink),
    sessionCache: await openSessionCache(database),
    pages: new PageCache(config.pageCacheMb * 1024 * 1024),
  };
  const context: TestContext = { app: createApp(deps), deps, clock, database, logLines };
  afterAll(async () => {
    await database.close();
  });
  return context;
}
