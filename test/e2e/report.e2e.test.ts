import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useDocketBrowser, waitForText } from './browser-suite';
import { signInAsDemo } from './demo-sign-in';

const suite = useDocketBrowser();
const newPage = () => suite.newPage();
const signInAsCompliance = (page: Page) => signInAsDemo(page, suite.docket, 'compliance@docket.test');

const CSV_HEADER =
  'period_start,period_end,country,process_type,requests,accounts_specified,requests_with_data_produced,percent_with_data_produced';

/** The demo data spreads its requests over the last year: a custom range of the last 12 months holds them all. */
function lastTwelveMonths(): { start: string; end: string } {
  const end = new Date();
  const start = new Date(end);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  start.setUTCDate(start.getUTCDate() + 1);
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

describe('transparency report', () => {
  test('compliance opens a period, sees its charts, downloads the CSV, publishes it and prints it', async () => {
    const page = await newPage();
    await signInAsCompliance(page);

    const { start, end } = lastTwelveMonths();
    await page.goto(`${suite.docket.baseUrl}/reports?period=custom&periodStart=${start}&periodEnd=${end}`);
    await page.getByRole('heading', { level: 1, name: 'Transparency report' }).waitFor();
    await expect.poll(() => page.getByLabel('Period', { exact: true }).inputValue()).toBe('custom');
    await expect.poll(() => page.getByLabel('From', { exact: true }).inputValue()).toBe(start);

    // Headline figures: the seeded year has enough requests to be shown exactly, not suppressed.
    const total = page.locator('.report-card', { hasText: 'Total requests' }).locator('.report-card-value');
    await waitForText(total, /^\d+$/);
    expect(Number(await total.textContent())).toBeGreaterThan(0);

    // Charts: each has a heading and renders as SVG.
    for (const name of [
      'Requests by country',
      'Requests by process type',
      'Share with data produced, by country',
      'Over periods',
    ]) {
      await page.getByRole('heading', { level: 3, name, exact: true }).waitFor();
    }
    await page.locator('.recharts-surface').first().waitFor();
    expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.locator('.recharts-bar-rectangle').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Each chart has a text alternative.
    await expect.poll(() => page.getByRole('img', { name: /Bar chart of requests by country/ }).count()).toBe(1);
    await page
      .getByRole('table', { name: 'Requests by country and process type, with country totals and the grand total' })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'How we count' }).waitFor();

    // CSV download through the page's own link.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const file = await download.path();
    const csv = readFileSync(file, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[1]?.startsWith(`${start},${end},`)).toBe(true);
    expect(await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href')).toContain(
      `/api/reports/transparency.json?periodStart=${start}&periodEnd=${end}`,
    );

    // Publish: a confirmation, then the seal.
    await page.getByRole('button', { name: 'Publish this report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this report?' });
    await dialog.waitFor();
    await waitForText(dialog, /locks a snapshot/);
    await dialog.getByRole('button', { name: 'Publish and lock' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const seal = page.getByRole('note');
    await waitForText(seal, /Published on .+ by .+ — SHA-256 [0-9a-f]{64}/);
    await page.getByText("Today's figures match the published report.").waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Publish this report' }).count()).toBe(0);
    const published = page.getByRole('table', { name: 'Published reports, newest period first' });
    await published
      .getByRole('link', { name: /Open the report for/ })
      .first()
      .waitFor();
    expect(await published.getByRole('link', { name: /Download the published CSV/ }).count()).toBe(1);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/report.png', fullPage: true });

    // Print: the navigation and the controls go, the report stays.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByLabel('Period', { exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Download CSV' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1, name: 'Transparency report' }).isVisible()).toBe(true);
    expect(await page.locator('.recharts-surface').first().isVisible()).toBe(true);
    expect(await total.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
  });
});
