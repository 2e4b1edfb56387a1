import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TEXT_CANDIDATES } from '../../server/src/modules/search/search.queries';
import { legalRequestInput } from '../support/factories';
import { useDocketBrowser, waitForText } from './browser-suite';
import { signInAsDemo } from './demo-sign-in';

const suite = useDocketBrowser();

describe('search and lists', () => {
  test('legal finds a request by an identifier it names, from the search box', async () => {
    const page = await suite.newPage();
    await signInAsDemo(page, suite.docket, 'legal@docket.test');
    // Pick a demo request and one of its identifiers, as a person would copy it from the subpoena.
    const list = await page.request.get('/api/legal-requests?view=all&limit=5');
    const target = (await list.json()).requests[2];
    const detail = await (await page.request.get(`/api/legal-requests/${target.id}`)).json();
    const identifier: string = detail.request.identifiers[0].value;

    const box = page.getByRole('searchbox', { name: 'Search cases' });
    await box.fill(identifier);
    await box.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === identifier);
    const first = page.locator('.search-results > li').first();
    await waitForText(first, target.reference);
    await waitForText(first, 'matched on identifier');

    await first.getByRole('link', { name: target.reference }).click();
    await page.waitForURL(`**/requests/${target.id}`);
    await waitForText(page.getByRole('heading', { level: 1 }), target.reference);
  });

  test('a word found in a great many cases says the results are a sample', async () => {
    const page = await suite.newPage();
    await signInAsDemo(page, suite.docket, 'legal@docket.test');
    const agencies = await (await page.request.get('/api/agencies')).json();
    const word = `okapi${Date.now().toString(36)}`;
    // One more request than search ranks for a word, as a busy year of one kind of case would give.
    for (let made = 0; made <= TEXT_CANDIDATES; made += 1) {
      const res = await page.request.post('/api/legal-requests', {
        headers: { origin: suite.docket.baseUrl },
        data: legalRequestInput(agencies.agencies[0].id, { summary: `Records about the ${word} smuggling ring` }),
      });
      expect(res.status()).toBe(201);
    }
    const box = page.getByRole('searchbox', { name: 'Search cases' });
    await box.fill(word);
    await box.press('Enter');
    await waitForText(page.locator('.alert-warning'), 'results are good matches from a sample');
    await expect.poll(() => page.locator('.search-results > li').count()).toBe(20);

    // A rarer word is ranked in full: no notice.
    await box.fill('investigation');
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'investigation');
    // The URL changes before the page shows the new search: wait for its own summary line, which is drawn together
    // with the notice, before counting notices.
    await page
      .getByRole('status')
      .filter({ hasText: /results? for “investigation”/ })
      .waitFor();
    await page.locator('.search-results > li').first().waitFor();
    expect(await page.locator('.alert-warning').count()).toBe(0);
  });

  test('list filters live in the URL, survive a reload, and export the same list as CSV', async () => {
    const page = await suite.newPage();
    await signInAsDemo(page, suite.docket, 'legal@docket.test');
    await page.goto('/requests');
    const filters = page.getByRole('group', { name: 'Filter requests' });
    await filters.getByLabel('Sort').selectOption('received_desc');
    await filters.getByLabel('Received from').fill('2020-01-01');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'received_desc');
    await page.waitForURL((url) => url.searchParams.get('receivedFrom') === '2020-01-01');

    await page.reload();
    await expect.poll(() => filters.getByLabel('Sort').inputValue()).toBe('received_desc');
    const rows = page.getByRole('table').locator('tbody tr');
    await rows.first().waitFor();
    const firstReference = (await rows.first().locator('a').first().textContent())?.trim();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export this list (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^docket-legal-requests-.*\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toMatch(/^reference,status,process_type,agency,country/);
    // Same order as the screen: newest received first.
    expect(csv[1]?.split(',')[0]).toBe(firstReference);
  });
});
