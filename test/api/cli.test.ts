import { describe, expect, it } from 'vitest';
import { useDocketCli } from '../support/cli';

const cli = useDocketCli('docket-cli-');
const docket = cli.run;

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
