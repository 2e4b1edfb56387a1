import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openTestDatabase, type TestDatabase } from './test-database';

const root = join(import.meta.dirname, '..', '..');

/**
 * `pnpm docket …` as a person runs it, in a child process, against a data folder (PGlite) or a
 * database (PostgreSQL) of this test file's own. Returns the runner; call at the top of a test file.
 */
export function useDocketCli(prefix: string) {
  let dataDir = '';
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), prefix));
    if (process.env.TEST_DATABASE_URL) database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get dataDir() {
      return dataDir;
    },
    run(...args: string[]) {
      const env: NodeJS.ProcessEnv = { ...process.env, DOCKET_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
      delete env.DATABASE_URL;
      if (database?.url) env.DATABASE_URL = database.url;
      const res = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server/src/cli/docket.ts'), ...args], {
        cwd: root,
        env,
        encoding: 'utf8',
      });
      return { code: res.status, out: res.stdout, err: res.stderr };
    },
  };
}
