import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { anHourAgoLocal, useDocketBrowser, waitForText } from './browser-suite';
import { signInAsDemo } from './demo-sign-in';

const suite = useDocketBrowser();
const newPage = () => suite.newPage();

const AGENCY = 'Federal Bureau of Investigation';
const signInAsLegal = (page: Page) => signInAsDemo(page, suite.docket, 'legal@docket.test');

/** The demo data should hold the FBI; if it does not, add it through the Agencies page. */
async function ensureAgency(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agencies' }).click();
  await page.waitForURL(/\/agencies$/);
  await page.getByLabel('Search agencies').fill(AGENCY);
  const table = page.getByRole('table', { name: 'Agencies' });
  const empty = page.getByText('No agencies match.');
  await table.or(empty).first().waitFor();
  if ((await table.getByRole('row', { name: new RegExp(AGENCY) }).count()) > 0) return;

  await page.getByRole('button', { name: 'Add agency' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an agency' });
  await dialog.waitFor();
  await dialog.getByLabel('Name').fill(AGENCY);
  await dialog.getByLabel('Kind').selectOption('law_enforcement');
  await dialog.getByLabel('Country').fill('US');
  await dialog.getByLabel('Verified contact').fill('Legal process unit, +1 202 555 0100');
  await dialog.getByLabel('Verified by').selectOption('callback_known_number');
  await dialog.getByRole('button', { name: 'Add agency' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await table.getByRole('row', { name: new RegExp(AGENCY) }).waitFor();
}

describe('legal requests', () => {
  test('legal takes a request from intake through pushback, decision, response and notice to closed', async () => {
    const page = await newPage();
    await signInAsLegal(page);
    await ensureAgency(page);

    // Intake.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    await page.waitForURL(/\/requests$/);
    await page.getByRole('link', { name: 'New request' }).click();
    await page.waitForURL(/\/requests\/new$/);
    const form = page.getByRole('form', { name: 'New legal request' });
    await form.waitFor();

    await form.getByLabel('Process type').selectOption('subpoena');
    const agencySelect = form.getByLabel('Requesting agency');
    await expect.poll(async () => agencySelect.locator('option', { hasText: AGENCY }).count()).toBeGreaterThan(0);
    const agencyValue = await agencySelect.locator('option', { hasText: AGENCY }).first().getAttribute('value');
    await agencySelect.selectOption(agencyValue ?? '');
    // The country comes from the agency.
    await expect.poll(() => form.getByLabel('Country').inputValue()).toBe('US');
    await form.getByLabel('Received at').fill(anHourAgoLocal());
    await form.getByLabel('Summary').fill('Grand jury subpoena for two accounts tied to a fraud investigation.');
    await form.getByLabel('Identifier 1 kind').selectOption('email');
    await form.getByLabel('Identifier 1 value').fill('suspect.one@example.com');
    await form.getByRole('button', { name: 'Add identifier' }).click();
    await form.getByLabel('Identifier 2 kind').selectOption('account');
    await form.getByLabel('Identifier 2 value').fill('acct-20461');

    // Asking a subpoena for content: the ladder warning appears as the boxes are ticked.
    const warning = form.locator('.ladder-warning');
    await form.getByLabel('Subscriber information').check();
    expect(await warning.count()).toBe(0);
    await form.getByLabel('Content (messages, files)').check();
    await warning.waitFor();
    await waitForText(warning, 'A subpoena reaches subscriber information only');
    await waitForText(warning, 'content exceeds what this process allows');
    // A court order reaches further, but still not content.
    await form.getByLabel('Process type').selectOption('court_order');
    await waitForText(warning, 'A court order reaches subscriber information and non-content records');

    await form.getByRole('button', { name: 'Create request' }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);

    // Case page.
    const header = page.getByRole('region', { name: /^LR-\d{4}-\d{5}/ });
    await header.waitFor();
    // The title carries the reference and the status badge.
    const title = header.getByRole('heading', { level: 1 });
    await waitForText(title, 'Received');
    await waitForText(header, 'Court order');
    await waitForText(header, AGENCY);
    await waitForText(header, 'Response due');
    await waitForText(header.locator('.ladder-warning'), 'content exceeds what this process allows');
    const identifiers = page.getByRole('region', { name: 'Identifiers', exact: true });
    await waitForText(identifiers, 'suspect.one@example.com');
    await waitForText(identifiers, 'acct-20461');

    const actions = page.getByRole('region', { name: 'Actions', exact: true });
    await actions.getByRole('button', { name: 'Start review' }).click();
    await waitForText(title, 'In review');

    // Pushback: overbroad.
    const pushback = page.getByRole('region', { name: 'Pushback', exact: true });
    const openForm = pushback.getByRole('form', { name: 'Open pushback' });
    await openForm.getByLabel('Overbroad').check();
    await openForm.getByLabel('What was asked').fill('Subscriber data and message content for two accounts.');
    await openForm.getByLabel('What we propose').fill('Subscriber data for the email account only.');
    await openForm.getByRole('button', { name: 'Open pushback' }).click();
    await waitForText(title, 'Pushback');

    // The requester agrees to narrow: one identifier, subscriber data only.
    const replyForm = pushback.getByRole('form', { name: "Record the requester's reply" });
    await replyForm.waitFor();
    await replyForm.getByLabel("Requester's reply").fill('Agreed: subscriber information for the email address only.');
    await replyForm.getByLabel('Outcome').selectOption('narrowed');
    await replyForm.getByLabel('Content (messages, files)').uncheck();
    await replyForm.getByLabel('Account: acct-20461').uncheck();
    await replyForm.getByRole('button', { name: 'Record reply' }).click();
    await waitForText(title, 'In review');
    await waitForText(pushback, 'Narrowed');
    await waitForText(pushback, 'Scope after');
    await header.locator('.ladder-warning').waitFor({ state: 'detached' });
    const scope = page.getByRole('region', { name: 'Scope', exact: true });
    await waitForText(scope, 'Original scope, as received');
    await waitForText(identifiers, 'Out of scope');

    // Decision.
    const decision = page.getByRole('region', { name: 'Decision', exact: true });
    await decision.getByLabel('Disposition').selectOption('partial');
    await decision.getByLabel('Reason').fill('Narrowed request is within the court order; produce subscriber data.');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    await waitForText(title, 'Decided');
    await waitForText(decision, 'Produce in part');

    // Production file: uploaded, then listed in the manifest with its SHA-256.
    const production = Buffer.from('subscriber: suspect.one@example.com\ncreated: 2024-02-01\n', 'utf8');
    const sha256 = createHash('sha256').update(production).digest('hex');
    const attachments = page.getByRole('region', { name: 'Attachments', exact: true });
    await attachments.getByLabel('Kind of file').selectOption('production');
    await attachments
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'production-001.txt', mimeType: 'text/plain', buffer: production });
    await attachments.getByRole('button', { name: 'Upload' }).click();
    await waitForText(attachments, 'production-001.txt uploaded.');

    // Response.
    const response = page.getByRole('region', { name: 'Response', exact: true });
    await waitForText(response, sha256);
    await response.getByLabel('Method').selectOption('secure_portal');
    await response.getByLabel('Subscriber information').check();
    await response.getByLabel('Outcome for suspect.one@example.com').selectOption('produced');
    await response.getByRole('button', { name: 'Record response' }).click();
    await waitForText(title, 'Responded');
    await waitForText(identifiers, 'Produced');
    const manifest = response.getByRole('table', { name: 'Production manifest' });
    await waitForText(manifest, 'production-001.txt');
    await waitForText(manifest, sha256);

    // User notice.
    const notice = page.getByRole('region', { name: 'User notice', exact: true });
    await notice.getByLabel('Notice decision', { exact: true }).selectOption('notify');
    await notice.getByLabel('Notice reason').fill('No nondisclosure order; the user may be told.');
    await notice.getByRole('button', { name: 'Record notice decision' }).click();

    // Close at once, as a person moving on would: the move waits for the notice decision to be saved, then
    // goes with the version that saving made, so it is no conflict with the person's own change.
    await actions.getByRole('button', { name: 'Close' }).click();
    await waitForText(title.locator('.badge').first(), 'Closed');
    await actions.waitFor({ state: 'detached' });
    // The decision shows among the details (the select offered the same words before it was saved).
    await waitForText(notice.locator('dl.details').first(), 'Notify the user');
    const timeline = page.getByRole('region', { name: 'Timeline', exact: true });
    await waitForText(timeline, 'Pushback 1 resolved: narrowed');
    await waitForText(timeline, 'Production file added: production-001.txt');

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/legal-request-case.png', fullPage: true });
  });

  test('the queue keeps its view and filters in the URL', async () => {
    const page = await newPage();
    await signInAsLegal(page);
    await page.goto('/requests');
    await page.getByRole('heading', { name: 'Legal requests', level: 1 }).waitFor();

    const queue = page.getByRole('group', { name: 'Queue', exact: true });
    await queue.getByRole('button', { name: 'Overdue' }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'overdue');

    const processMenu = page.locator('details.filter-menu', { hasText: 'Process type' });
    await processMenu.locator('summary').click();
    // The box is controlled by the URL: it shows checked once the navigation lands, so click, then wait.
    await processMenu.getByLabel('Subpoena').click();
    await page.waitForURL((url) => url.searchParams.get('processType') === 'subpoena');
    await expect.poll(() => processMenu.getByLabel('Subpoena').isChecked()).toBe(true);
    await page.getByLabel('Country').fill('us');
    await page.waitForURL((url) => url.searchParams.get('country') === 'US');

    await page.reload();
    await page.getByRole('heading', { name: 'Legal requests', level: 1 }).waitFor();
    expect(await queue.getByRole('button', { name: 'Overdue' }).getAttribute('aria-pressed')).toBe('true');
    expect(await queue.getByRole('button', { name: 'All' }).getAttribute('aria-pressed')).toBe('false');
    expect(await processMenu.getByLabel('Subpoena').isChecked()).toBe(true);
    expect(await processMenu.getByLabel('Court order').isChecked()).toBe(false);
    await waitForText(processMenu.locator('summary'), 'Subpoena');
    expect(await page.getByLabel('Country').inputValue()).toBe('US');
    // The list answered for those filters (nothing overdue in fresh demo data, or only matching rows).
    await page.getByText('No requests match these filters.').or(page.getByRole('table')).first().waitFor();
  });

  test('filter changes made faster than the page redraws all stay in the URL', async () => {
    const page = await newPage();
    await signInAsLegal(page);
    await page.goto('/requests');
    const filters = page.getByRole('group', { name: 'Filter requests' });
    const processMenu = filters.locator('details.filter-menu', { hasText: 'Process type' });
    await processMenu.locator('summary').click();
    await processMenu.getByLabel('Subpoena').waitFor();

    // A busy machine: the page's JavaScript runs 20 times slower, so each change comes before the page has drawn
    // the one before it. Each change must build on the URL as it is, not on what the page last drew.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    await processMenu.getByLabel('Subpoena').click();
    await processMenu.getByLabel('Court order').click();
    await filters.getByLabel('Sort').selectOption('received_desc');
    await filters.getByLabel('Received from').fill('2020-01-01');
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    await page.waitForURL(
      (url) =>
        url.searchParams.get('processType') === 'subpoena,court_order' &&
        url.searchParams.get('sort') === 'received_desc' &&
        url.searchParams.get('receivedFrom') === '2020-01-01',
      { timeout: 15_000 },
    );
    await expect.poll(() => processMenu.getByLabel('Court order').isChecked()).toBe(true);
    expect(await processMenu.getByLabel('Subpoena').isChecked()).toBe(true);
    expect(await filters.getByLabel('Sort').inputValue()).toBe('received_desc');
  });

  test('an edit form open while someone else saves a change does not undo it when the case reloads', async () => {
    const page = await newPage();
    // A clock the test can move, so that the case's cached copy goes stale while the form is open.
    await page.clock.install();
    await signInAsLegal(page);
    const list = await (await page.request.get('/api/legal-requests?view=all&limit=5')).json();
    const target = list.requests[1];
    await page.goto(`/requests/${target.id}`);
    await page.getByRole('button', { name: 'Edit details' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit request details' });
    await dialog.getByLabel('Summary').waitFor();

    // Meanwhile, in another tab, the summary is corrected and saved.
    const current = (await (await page.request.get(`/api/legal-requests/${target.id}`)).json()).request;
    const theirs = `${current.summary} (corrected in another tab)`;
    const saved = await page.request.patch(`/api/legal-requests/${target.id}`, {
      headers: { origin: suite.docket.baseUrl },
      data: { version: current.version, summary: theirs },
    });
    expect(saved.status()).toBe(200);
    // The page's copy of the case goes stale and is fetched again when the network comes back: the case under
    // the open form now holds their summary.
    await page.clock.fastForward('00:40');
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await waitForText(page.getByRole('main'), 'corrected in another tab');

    // The person changes only the country and saves: refused as a conflict, and their summary stands.
    await dialog.getByLabel('Country').fill('CA');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const conflict = dialog.getByRole('alert').filter({ hasText: 'Someone else changed this request' });
    await conflict.or(page.getByText('Details saved.')).first().waitFor();
    const after = (await (await page.request.get(`/api/legal-requests/${target.id}`)).json()).request;
    expect(after.summary).toBe(theirs);
    expect(after.country).toBe(current.country);
    expect(await conflict.isVisible()).toBe(true);
  });

  test('boxes whose value lives in the URL keep what is typed, key by key, on a slow page', async () => {
    const page = await newPage();
    await signInAsLegal(page);
    const devtools = await page.context().newCDPSession(page);

    // The agencies' search box, typed a key at a time as a person types.
    await page.goto('/agencies');
    const search = page.getByLabel('Search agencies');
    await search.waitFor();
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: 10 });
    await search.pressSequentially('Federal Bureau', { delay: 40 });
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.waitForURL((url) => url.searchParams.get('q') === 'Federal Bureau', { timeout: 15_000 });
    expect(await search.inputValue()).toBe('Federal Bureau');

    // A date typed into the queue's date box (month, day, year in this browser's locale): the year passes through
    // 0002, 0020 and 0202 on the way, and none of them may replace what is being typed.
    await page.goto('/requests');
    const from = page.getByRole('group', { name: 'Filter requests' }).getByLabel('Received from');
    await from.waitFor();
    await from.focus();
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: 10 });
    await page.keyboard.type('03152024', { delay: 40 });
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.waitForURL((url) => url.searchParams.get('receivedFrom') === '2024-03-15', { timeout: 15_000 });
    expect(await from.inputValue()).toBe('2024-03-15');
  });
});
