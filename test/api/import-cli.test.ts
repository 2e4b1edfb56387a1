import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importColumnNames } from '@docket/shared/imports.schemas';
import { describe, expect, it } from 'vitest';
import { useDocketCli } from '../support/cli';

const cli = useDocketCli('docket-import-cli-');
const docket = cli.run;

function file(name: string, rows: Record<string, string>[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [
    importColumnNames.join(','),
    ...rows.map((r) => importColumnNames.map((c) => quote(r[c] ?? '')).join(',')),
  ];
  const path = join(cli.dataDir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const good = (ref: string) => ({
  external_reference: ref,
  process_type: 'court_order',
  agency_name: 'Bundeskriminalamt',
  agency_country: 'DE',
  received_at: '2022-06-01T08:00:00Z',
  summary: 'Court order for connection records, two accounts',
  data_categories: 'subscriber;non_content',
  identifiers: 'account:acct-1;email:someone@mail.example',
  status: 'closed',
  disposition: 'partial',
  response_sent_at: '2022-06-20T08:00:00Z',
});

describe('pnpm docket import legal-requests', () => {
  it('imports in both modes, reports rejected rows, exits 1 when all-or-nothing refuses, and re-imports nothing', {
    timeout: 180_000,
  }, () => {
    expect(
      docket(
        'users:create',
        '--email',
        'importer@example.test',
        '--name',
        'Importer',
        '--role',
        'legal',
        '--password',
        'a long enough password',
      ).code,
    ).toBe(0);
    const mixed = file('mixed.csv', [good('BKA-1'), { ...good('BKA-2'), summary: '' }, good('BKA-3')]);

    const refused = docket('import', 'legal-requests', mixed, '--as', 'importer@example.test');
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Rows: 3 {2}valid: 2 {2}created: 0 {2}skipped \(already imported\): 0 {2}rejected: 1/);
    expect(refused.out).toMatch(/line 3, summary: summary is required/);
    expect(refused.out).toMatch(/Nothing was imported/);

    const partial = docket('import', 'legal-requests', mixed, '--mode', 'valid-rows', '--as', 'importer@example.test');
    expect(partial.err).not.toMatch(/Error/);
    expect(partial.code).toBe(0);
    expect(partial.out).toMatch(/created: 2 .*rejected: 1 {2}agencies added: 1/);
    expect(partial.out).toMatch(/line 3, summary: summary is required/);
    expect(partial.out).toMatch(/Import [0-9a-f-]{36} done: 2 legal request\(s\) created/);

    const again = docket('import', 'legal-requests', mixed, '--mode', 'valid-rows', '--as', 'importer@example.test');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/created: 0 {2}skipped \(already imported\): 2 {2}rejected: 1/);
    expect(again.out).toMatch(/line 2: Already imported/);

    // The audit chain still verifies after bulk appends.
    const verify = docket('audit:verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/Audit chain OK/);
  });

  it('refuses a wrong header, an unknown mode, a missing file and a person who may not import', {
    timeout: 180_000,
  }, () => {
    for (const [email, role] of [
      ['importer2@example.test', 'admin'],
      ['support@example.test', 'support'],
    ] as const) {
      expect(
        docket('users:create', '--email', email, '--name', role, '--role', role, '--password', 'a long enough password')
          .code,
      ).toBe(0);
    }
    const ok = file('ok.csv', [good('X-1')]);
    const header = join(cli.dataDir, 'header.csv');
    writeFileSync(header, 'external_reference,summary\nA,B\n');

    const wrongHeader = docket('import', 'legal-requests', header, '--as', 'importer2@example.test');
    expect(wrongHeader.code).toBe(1);
    expect(wrongHeader.err).toMatch(/header: Missing required columns: process_type/);

    const mode = docket('import', 'legal-requests', ok, '--mode', 'some', '--as', 'importer2@example.test');
    expect(mode.code).toBe(1);
    expect(mode.err).toMatch(/--mode must be all-or-nothing or valid-rows/);

    const missing = docket('import', 'legal-requests', join(cli.dataDir, 'nope.csv'), '--as', 'importer2@example.test');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No file/);

    const support = docket('import', 'legal-requests', ok, '--as', 'support@example.test');
    expect(support.code).toBe(1);
    expect(support.err).toMatch(/not an active legal or admin person/);

    const noAs = docket('import', 'legal-requests', ok);
    expect(noAs.code).toBe(1);
    expect(noAs.err).toMatch(/--as/);

    const stray = docket('users:list', 'extra');
    expect(stray.code).toBe(1);
    expect(stray.err).toMatch(/Unexpected argument: extra/);
  });
});
