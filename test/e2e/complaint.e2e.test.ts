import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { anHourAgoLocal, useDocketBrowser, waitForText } from './browser-suite';
import { signInAsDemo } from './demo-sign-in';

const suite = useDocketBrowser();
const newPage = () => suite.newPage();
const signInAs = (page: Page, email: string) => signInAsDemo(page, suite.docket, email);

/** A name no seeded complaint carries, so its absence from a page means something. */
function uniqueName(): string {
  return `Henriette Vasseur-${Math.random().toString(36).slice(2, 8)}`;
}

/** Logs a GDPR access complaint received by letter through the form; leaves the page on the new complaint. */
async function logComplaint(page: Page, name: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Complaints' }).click();
  await page.waitForURL(/\/complaints$/);
  await page.getByRole('link', { name: 'Log complaint' }).click();
  await page.waitForURL(/\/complaints\/new$/);
  const form = page.getByRole('form', { name: 'Log a complaint' });
  await form.waitFor();

  await form.getByLabel('Channel').selectOption('letter');
  await form.getByLabel('Received at').fill(anHourAgoLocal());
  const category = form.getByLabel('Category');
  await expect.poll(() => category.locator('option[value="access"]').count()).toBe(1);
  await category.selectOption('access');
  await form.getByLabel('Regime').selectOption('gdpr');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill('h.vasseur@example.org');
  await form.getByLabel('Phone').fill('+33 1 23 45 67 89');
  await form.getByLabel('Postal address').fill('12 rue des Lilas\n75011 Paris\nFrance');
  await form
    .getByLabel('Summary')
    .fill('Asked for a copy of her data in March under Art. 15; no answer after two reminders.');
  await form.getByRole('button', { name: 'Log complaint' }).click();
  await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

describe('complaints', () => {
  test('support logs a complaint, contacts the complainant, escalates to the CNIL and closes it', async () => {
    const page = await newPage();
    await signInAs(page, 'support@docket.test');
    const name = uniqueName();
    await logComplaint(page, name);

    // Complaint page, straight after logging: the upload of the original letter is offered.
    await waitForText(page.getByRole('status').first(), 'upload the original letter or email');
    const header = page.getByRole('region', { name: /^CP-\d{4}-\d{5}/ });
    await header.waitFor();
    const title = header.getByRole('heading', { level: 1 });
    await waitForText(title, 'Received');
    await waitForText(header, 'GDPR');
    await waitForText(header, 'Access to personal data');
    await waitForText(header, 'Letter');
    await waitForText(header, 'First contact with the complainant');
    await waitForText(page.getByRole('region', { name: 'Complainant', exact: true }), name);

    // The original letter.
    const files = page.getByRole('region', { name: 'Files', exact: true });
    await files
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'letter-2026-03.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
    await files.getByRole('button', { name: 'Upload' }).click();
    await waitForText(files, 'letter-2026-03.pdf uploaded.');
    await files.getByRole('link', { name: 'letter-2026-03.pdf' }).waitFor();

    // Acknowledge.
    const actions = page.getByRole('region', { name: 'Actions', exact: true });
    await actions.getByRole('button', { name: 'Acknowledge' }).click();
    await waitForText(title, 'Acknowledged');

    // An outbound contact meets the first-contact clock.
    const contacts = page.getByRole('region', { name: 'Contact log', exact: true });
    const contactForm = contacts.getByRole('form', { name: 'Log a contact' });
    await contactForm.getByLabel('Direction').selectOption('out');
    await contactForm.getByLabel('How').selectOption('email');
    await contactForm.getByLabel('What was said').fill('Apologised; confirmed we are looking into the request.');
    await contactForm.getByRole('button', { name: 'Add contact' }).click();
    await waitForText(contacts.locator('.entries'), 'Apologised; confirmed we are looking into the request.');
    await waitForText(header.locator('.clock', { hasText: 'First contact with the complainant' }), 'Met');

    // Investigate.
    await actions.getByRole('button', { name: 'Start investigating' }).click();
    await waitForText(title, 'Investigating');

    // Escalate to the CNIL.
    const escalations = page.getByRole('region', { name: 'Escalations', exact: true });
    const escalateForm = escalations.getByRole('form', { name: 'Escalate to a regulator' });
    const regulator = escalateForm.getByLabel('Regulator', { exact: true });
    await expect.poll(() => regulator.locator('option', { hasText: 'CNIL' }).count()).toBeGreaterThan(0);
    const cnil = await regulator.locator('option', { hasText: 'CNIL' }).first().getAttribute('value');
    await regulator.selectOption(cnil ?? '');
    await escalateForm.getByLabel("Regulator's reference").fill('PLAINTE-2026-0042');
    await escalateForm.getByLabel('What was sent').fill('Complaint file, our answer and the timeline of the request.');
    await escalateForm.getByRole('button', { name: 'Escalate' }).click();
    await waitForText(title, 'Escalated');
    const card = escalations.getByRole('region', { name: /^Escalation to Commission Nationale/ });
    await card.waitFor();
    await waitForText(card, 'PLAINTE-2026-0042');

    // The CNIL writes back.
    const correspondence = card.getByRole('form', { name: 'Log correspondence' });
    await correspondence.getByLabel('Direction').selectOption('in');
    await correspondence.getByLabel('Summary').fill('CNIL asks for logs');
    await correspondence.getByRole('button', { name: 'Add correspondence' }).click();
    const entry = card.locator('.entries .entry', { hasText: 'CNIL asks for logs' });
    await entry.waitFor();
    await waitForText(entry, 'From the regulator');

    // Their letter, attached to that entry.
    await entry.getByText('Attach a file').click();
    await entry
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'cnil-letter.txt', mimeType: 'text/plain', buffer: Buffer.from('Please send logs.') });
    await entry.getByRole('button', { name: 'Upload' }).click();
    await waitForText(entry, 'cnil-letter.txt uploaded.');
    await entry.getByRole('link', { name: 'cnil-letter.txt' }).waitFor();

    // The CNIL is satisfied: close the escalation, then the complaint.
    const closeForm = card.getByRole('form', { name: 'Close the escalation' });
    await closeForm.getByLabel('Outcome').selectOption('resolved');
    await closeForm.getByRole('button', { name: 'Close escalation' }).click();
    await closeForm.waitFor({ state: 'detached' });
    await waitForText(card, 'Resolved');

    await actions.getByRole('button', { name: 'Close' }).click();
    await waitForText(title.locator('.badge').first(), 'Closed');
    await actions.waitFor({ state: 'detached' });

    const timeline = page.getByRole('region', { name: 'Timeline', exact: true });
    await waitForText(timeline, 'Escalated to Commission Nationale');
    await waitForText(timeline, 'CNIL asks for logs');
    await waitForText(timeline, 'closed: resolved');
    await waitForText(timeline, 'Sam Support');

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/complaint-case.png', fullPage: true });
  });

  test('compliance reads a complaint without the complainant’s personal data', async () => {
    const support = await newPage();
    await signInAs(support, 'support@docket.test');
    const name = uniqueName();
    const path = await logComplaint(support, name);
    await waitForText(support.getByRole('region', { name: 'Complainant', exact: true }), name);

    const page = await newPage();
    await signInAs(page, 'compliance@docket.test');

    // The queue: no complainant column, no way to log one.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Complaints' }).click();
    await page.waitForURL(/\/complaints$/);
    const table = page.getByRole('table', { name: /^Complaints/ });
    await table.waitFor();
    expect(await table.getByRole('columnheader', { name: 'Complainant' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Log complaint' }).count()).toBe(0);
    expect(await page.getByLabel("Complainant's email").count()).toBe(0);

    // The complaint itself: facts and history, no personal data, no forms.
    await page.goto(path);
    const header = page.getByRole('region', { name: /^CP-\d{4}-\d{5}/ });
    await header.waitFor();
    await waitForText(header, 'Access to personal data');
    const timeline = page.getByRole('region', { name: 'Timeline', exact: true });
    await waitForText(timeline, /Logged as CP-\d{4}-\d{5}/);
    await waitForText(page.getByRole('main'), 'not shown to your role');
    expect(await page.getByRole('region', { name: 'Complainant', exact: true }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Actions', exact: true }).count()).toBe(0);
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(name);
    expect(await page.locator('body').textContent()).not.toContain('h.vasseur@example.org');
    // Nor does the API hand it over to this role.
    const api = await page.request.get(`/api${path}`);
    expect(api.status()).toBe(200);
    expect(await api.text()).not.toContain(name);
  });
});
