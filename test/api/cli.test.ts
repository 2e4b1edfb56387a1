import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

const root = join(import.meta.dirname, '..', '..');
let dataDir: string;
let database: TestDatabase | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'docket-cli-'));
  // On PostgreSQL the CLI gets a database of its own; on PGlite it opens a data folder.
  if (process.env.TEST_DATABASE_URL) database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function docket(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKET_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (database?.url) env.DATABASE_URL = database.url;
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server/src/cli/docket.ts'), ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('pnpm docket', () => {
  it('creates, lists, disables and removes people, and verifies the audit chain', { timeout: 120_000 }, () => {
    const created = docket(
      'users:create',
      '--email',
      'Cli.Admin@example.test',
      '--name',
      'Cli Admin',
      '--role',
      'admin',
    );
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Created admin cli\.admin@example\.test/);
    expect(created.out).toMatch(/Password \(shown once\): \S{12,}/);

    const bad = docket('users:create', '--email', 'nope', '--name', 'X', '--role', 'boss');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/email: Enter a valid email address/);
    expect(bad.err).toMatch(/role/);

    expect(
      docket(
        'users:create',
        '--email',
        'legal@example.test',
        '--name',
        'L',
        '--role',
        'legal',
        '--password',
        'a long enough password',
      ).code,
    ).toBe(0);
    expect(docket('users:disable', '--email', 'legal@example.test').out).toMatch(/status disabled/);
    expect(docket('users:list').out).toMatch(/disabled\s+legal\s+legal@example\.test/);
    expect(docket('users:remove', '--email', 'legal@example.test').out).toMatch(/personal data erased/);
    expect(docket('users:list').out).toMatch(/removed\s+legal\s+\(removed\)/);

    const verify = docket('audit:verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/Audit chain OK: 4 events verified/);
    expect(docket('db:migrate').out).toMatch(/up to date/);
  });
});
