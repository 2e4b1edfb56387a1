import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { anHourAgoLocal, useDocketBrowser, waitForText } from './browser-suite';
import { demoPerson, signInAsDemo } from './demo-sign-in';

// The server under test inherits this process's environment (see server-harness.ts): with a short
// interval its own reminder scheduler runs every two seconds, as it would every minute in production.
beforeAll(() => {
  process.env.DOCKET_REMINDER_INTERVAL_SECONDS = '2';
});
afterAll(() => {
  delete process.env.DOCKET_REMINDER_INTERVAL_SECONDS;
});

const suite = useDocketBrowser();
const AGENCY = 'Federal Bureau of Investigation';
const demoLegal = () => demoPerson(suite.docket, 'legal@docket.test');
const signInAsLegal = (page: Page) => signInAsDemo(page, suite.docket, 'legal@docket.test');

/** A datetime-local value some hours from now, in the browser's (and this process's) local time. */
function hoursFromNowLocal(hours: number): string {
  const d = new Date(Date.now() + hours * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The unread count the bell in the top bar announces (0 when it says just "Notifications"). */
async function bellCount(page: Page): Promise<number> {
  const label = (await page.getByRole('link', { name: /^Notifications/ }).getAttribute('aria-label')) ?? '';
  const match = /(\d+) unread/.exec(label);
  return match ? Number(match[1]) : 0;
}

describe('notifications', () => {
  test('a legal person assigned a request due soon is reminded, opens the case and marks the reminder read', async () => {
    const page = await suite.newPage();
    await signInAsLegal(page);
    const legal = demoLegal();

    // A subpoena due in five hours, assigned to me.
    await page.goto('/requests/new');
    const form = page.getByRole('form', { name: 'New legal request' });
    await form.waitFor();
    await form.getByLabel('Process type').selectOption('subpoena');
    const agencySelect = form.getByLabel('Requesting agency');
    await expect.poll(async () => agencySelect.locator('option', { hasText: AGENCY }).count()).toBeGreaterThan(0);
    const agencyValue = await agencySelect.locator('option', { hasText: AGENCY }).first().getAttribute('value');
    await agencySelect.selectOption(agencyValue ?? '');
    await form.getByLabel('Received at').fill(anHourAgoLocal());
    await form.getByLabel('Due at').fill(hoursFromNowLocal(5));
    await form.getByLabel('Assignee').selectOption({ label: `${legal.name} (me)` });
    await form.getByLabel('Summary').fill('Subpoena with a short return date, for the reminder test.');
    await form.getByLabel('Identifier 1 kind').selectOption('account');
    await form.getByLabel('Identifier 1 value').fill('acct-reminder-1');
    await form.getByLabel('Subscriber information').check();
    await form.getByRole('button', { name: 'Create request' }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const casePath = new URL(page.url()).pathname;
    const title = page.getByRole('heading', { level: 1 });
    await waitForText(title, /LR-\d{4}-\d{5}/);
    const reference = /LR-\d{4}-\d{5}/.exec((await title.textContent()) ?? '')?.[0] as string;

    // The scheduler picks it up within seconds; the list shows it once it has.
    await page.getByRole('link', { name: /^Notifications/ }).click();
    await page.waitForURL(/\/notifications$/);
    await waitForText(page.getByRole('heading', { level: 1 }), 'Notifications');
    const list = page.getByRole('list', { name: 'Notifications' });
    const item = list.getByRole('listitem').filter({ hasText: reference });
    await expect
      .poll(
        async () => {
          if ((await item.count()) > 0) return true;
          await page.reload();
          await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
          await page.waitForTimeout(500);
          return (await item.count()) > 0;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(true);
    await waitForText(item, `${reference}: Response due (due within 24 hours)`);
    await waitForText(item, 'Due soon');
    expect(await item.getAttribute('class')).toContain('notification-unread');

    // The bell counts it among the unread.
    await expect.poll(() => bellCount(page)).toBeGreaterThan(0);
    const before = await bellCount(page);

    // Its link leads to the case.
    await item.getByRole('link', { name: new RegExp(reference) }).click();
    await page.waitForURL((url) => url.pathname === casePath);
    await waitForText(page.getByRole('heading', { level: 1 }), reference);

    // Back in the list, marked read: the count drops by one and the item reads "Read".
    await page.goBack();
    await page.waitForURL(/\/notifications$/);
    await item.getByRole('button', { name: 'Mark as read' }).click();
    await waitForText(item, 'Read');
    expect(await item.getAttribute('class')).not.toContain('notification-unread');
    await expect.poll(() => bellCount(page)).toBe(before - 1);

    // The unread view no longer lists it; "Mark all as read" empties the count.
    await page.getByRole('button', { name: /^Unread/ }).click();
    await page.waitForURL(/\/notifications\?unread=true$/);
    await expect.poll(() => item.count()).toBe(0);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => bellCount(page)).toBe(0);
    await page.getByText('Nothing unread.').waitFor();
  });
});
