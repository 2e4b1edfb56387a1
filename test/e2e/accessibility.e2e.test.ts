import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useDocketBrowser, waitForText } from './browser-suite';
import type { DemoPerson } from './server-harness';

const suite = useDocketBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core (from node_modules, never fetched) on the page as it is now. It is evaluated through
 * the browser's debugging protocol, not added as a <script>: the page's content security policy refuses
 * inline scripts, as it should.
 */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function describeViolations(page: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${page}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`,
          )
          .join('\n'),
    )
    .join('\n');
}

/** Waits until the page has its heading and nothing is still loading, then checks it. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0);
  const violations = await seriousViolations(page);
  if (violations.length > 0) console.log(describeViolations(name, violations));
  expect(violations.map((v) => `${name}: ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

function demo(email: string): DemoPerson {
  const person = suite.docket.demo.find((p) => p.email === email);
  if (!person) throw new Error(`The demo data has no ${email} person`);
  return person;
}

async function signIn(page: Page, person: DemoPerson): Promise<void> {
  await page.goto('/');
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (person.totpSecret) {
    await page.waitForURL(/\/sign-in\/verify/);
    const code = generateTOTP(decodeBase32IgnorePadding(person.totpSecret), 30, 6);
    await page.getByLabel('Authentication code').fill(code);
    await page.getByLabel('Authentication code').press('Enter');
  }
  await page.waitForURL((url) => url.pathname === '/');
  await waitForText(page.getByRole('heading', { level: 1 }), person.name);
}

/** Opens a page through the main navigation, as a person would. */
async function openFromNav(page: Page, link: string, path: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  await page.waitForURL(path);
}

/** Opens the first case a queue table links to. */
async function openFirstCase(page: Page, path: RegExp): Promise<void> {
  const link = page.getByRole('table').getByRole('rowheader').getByRole('link').first();
  await link.waitFor();
  await link.click();
  await page.waitForURL(path);
}

describe('accessibility (axe-core: no serious or critical violations)', () => {
  test('the sign-in page, signed out (and the checker finds a planted violation)', async () => {
    const page = await suite.newPage();
    await page.goto('/sign-in');
    await expectAccessible(page, 'sign-in');

    // A button with no name is a critical violation: the check must see it, or it proves nothing.
    await page.evaluate(() => document.querySelector('main, #root')?.appendChild(document.createElement('button')));
    const planted = await seriousViolations(page);
    expect(planted.map((v) => [v.id, v.impact])).toContainEqual(['button-name', 'critical']);
  });

  test('legal: home, requests queue, a request, new request, agencies, reports, account, search, API reference', async () => {
    const page = await suite.newPage();
    await signIn(page, demo('legal@docket.test'));
    await expectAccessible(page, 'home (legal)');

    await openFromNav(page, 'Requests', /\/requests$/);
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'requests queue');

    await openFirstCase(page, /\/requests\/[0-9a-f-]{36}$/);
    await page.getByRole('region', { name: 'Identifiers', exact: true }).waitFor();
    await expectAccessible(page, 'a legal request');

    await page.goto('/requests/new');
    await page.getByRole('form', { name: 'New legal request' }).waitFor();
    await expectAccessible(page, 'new legal request');

    await openFromNav(page, 'Agencies', /\/agencies$/);
    await page.getByRole('table', { name: 'Agencies' }).waitFor();
    await expectAccessible(page, 'agencies');

    await openFromNav(page, 'Reports', /\/reports/);
    await expectAccessible(page, 'reports (legal)');

    await page.goto('/account');
    await expectAccessible(page, 'account');

    await page.goto('/search?q=subpoena');
    await expectAccessible(page, 'search results');

    await page.goto('/api-reference');
    await expectAccessible(page, 'API reference');
  });

  test('support: complaints queue, a complaint, new complaint, regulators', async () => {
    const page = await suite.newPage();
    await signIn(page, demo('support@docket.test'));

    await openFromNav(page, 'Complaints', /\/complaints$/);
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'complaints queue');

    await openFirstCase(page, /\/complaints\/[0-9a-f-]{36}$/);
    await expectAccessible(page, 'a complaint');

    await page.goto('/complaints/new');
    await page.getByRole('form', { name: 'Log a complaint' }).waitFor();
    await expectAccessible(page, 'new complaint');

    await openFromNav(page, 'Regulators', /\/regulators$/);
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page, 'regulators');
  });

  test('compliance: reports, and a complaint without personal data', async () => {
    const page = await suite.newPage();
    await signIn(page, demo('compliance@docket.test'));
    await openFromNav(page, 'Reports', /\/reports/);
    await expectAccessible(page, 'reports (compliance)');

    await openFromNav(page, 'Complaints', /\/complaints$/);
    await openFirstCase(page, /\/complaints\/[0-9a-f-]{36}$/);
    await expectAccessible(page, 'a complaint (compliance)');
  });

  test('admin: people and settings, audit trail, retention, API tokens', async () => {
    const admin = suite.docket.demo.find((p) => p.role === 'admin');
    if (!admin) throw new Error('The demo data has no admin');
    const page = await suite.newPage();
    await signIn(page, admin);

    await openFromNav(page, 'People', /\/people$/);
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page, 'people and settings');

    await openFromNav(page, 'Audit log', /\/audit/);
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page, 'audit trail');

    await page.goto('/retention');
    await expectAccessible(page, 'retention');

    await page.goto('/api-tokens');
    await expectAccessible(page, 'API tokens');
  });
});
