import { readFileSync } from 'node:fs';
import { importColumnNames } from '@docket/shared/imports.schemas';
import { describe, expect, test } from 'vitest';
import { useDocketBrowser, waitForText } from './browser-suite';
import { signInAsDemo } from './demo-sign-in';

const suite = useDocketBrowser();

const AGENCY = `E2E Import Constabulary ${Math.random().toString(36).slice(2, 6)}`;

function csvFile(): string {
  const rows: Record<string, string>[] = [
    {
      external_reference: 'E2E-OPEN-1',
      process_type: 'subpoena',
      agency_name: AGENCY,
      agency_country: 'GB',
      received_at: '2021-02-01T10:00:00Z',
      summary: 'Historical production order, still open',
      data_categories: 'subscriber',
      identifiers: 'email:e2e-open@mail.example',
      status: 'received',
    },
    {
      // Line 3: the bad row, no summary.
      external_reference: 'E2E-BAD-2',
      process_type: 'subpoena',
      agency_name: AGENCY,
      agency_country: 'GB',
      received_at: '2021-03-01T10:00:00Z',
      summary: '',
      data_categories: 'subscriber',
      identifiers: 'account:e2e-bad',
      status: 'received',
    },
    {
      external_reference: 'E2E-CLOSED-3',
      process_type: 'court_order',
      agency_name: AGENCY,
      agency_country: 'GB',
      received_at: '2021-04-01T10:00:00Z',
      summary: 'Historical court order, "records, logs", answered',
      data_categories: 'subscriber;non_content',
      identifiers: 'account:e2e-closed;phone:+44 20 7946 0000',
      status: 'closed',
      disposition: 'partial',
      response_sent_at: '2021-04-20T10:00:00Z',
    },
  ];
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [
    importColumnNames.join(','),
    ...rows.map((r) => importColumnNames.map((c) => quote(r[c] ?? '')).join(',')),
  ];
  return `${lines.join('\n')}\n`;
}

describe('importing legal requests', () => {
  test('legal downloads the template, imports a file with one bad row and reads the report', async () => {
    const page = await suite.newPage();
    await signInAsDemo(page, suite.docket, 'legal@docket.test');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    await page.waitForURL(/\/requests$/);
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.waitForURL(/\/requests\/import$/);
    await page.getByRole('heading', { level: 1, name: 'Import legal requests' }).waitFor();
    // The column documentation comes from the shared column list.
    const columns = page.getByRole('table', { name: 'Import columns' });
    await waitForText(columns, 'external_reference');
    await waitForText(columns, 'Required unless the process type is preservation');

    // The template is a CSV download whose first line is the documented header.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the template' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('legal-requests-import-template.csv');
    const template = readFileSync((await download.path()) as string, 'utf8');
    expect(template.split('\n')[0]).toBe(importColumnNames.join(','));

    // Three rows, line 3 without a summary, imported in "valid rows" mode.
    const form = page.getByRole('form', { name: 'Import legal requests' });
    await form
      .getByLabel('CSV file')
      .setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(csvFile()) });
    await form.getByLabel(/^Valid rows/).check();
    await form.getByRole('button', { name: 'Import' }).click();

    const report = page.getByRole('region', { name: 'Import report' });
    await report.waitFor();
    await waitForText(report, '2 legal requests imported from history.csv');
    await waitForText(report, '1 row rejected');
    const rejected = report.getByRole('table', { name: 'Rejected rows' });
    const badRow = rejected.getByRole('row', { name: /^3 / });
    await waitForText(badRow, 'summary');
    await waitForText(badRow, 'summary is required');
    expect(await rejected.getByRole('row').count()).toBe(2); // header and the one bad row

    // The history lists the import.
    await waitForText(page.getByRole('table', { name: 'Past imports' }), 'history.csv');

    // The still-open imported request is in the queue: its 2021 deadline puts it first; open it.
    await page.getByRole('link', { name: 'Back to requests' }).click();
    await page.waitForURL(/\/requests$/);
    const row = page
      .getByRole('table', { name: 'Legal requests' })
      .getByRole('row', { name: new RegExp(AGENCY) })
      .filter({ hasText: 'Subpoena' });
    await row.waitFor();
    await row.getByRole('link', { name: /^LR-2021-\d{5}$/ }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const header = page.getByRole('region', { name: /^LR-2021-\d{5}/ });
    await header.waitFor();
    await waitForText(header, AGENCY);
    await waitForText(header, 'E2E-OPEN-1');
    await waitForText(page.getByRole('region', { name: 'Identifiers', exact: true }), 'e2e-open@mail.example');
  });
});
