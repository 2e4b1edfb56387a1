import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useDocketBrowser, waitForText } from './browser-suite';

const suite = useDocketBrowser();

function demoAdmin() {
  const admin = suite.docket.demo.find((person) => person.role === 'admin' && person.totpSecret);
  if (!admin?.totpSecret) throw new Error('The demo data has no admin with 2-step verification');
  return { ...admin, totpSecret: admin.totpSecret };
}

async function signInAsAdmin(page: Page): Promise<void> {
  const admin = demoAdmin();
  await page.goto('/');
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/sign-in\/verify/);
  await page.getByLabel('Authentication code').fill(generateTOTP(decodeBase32IgnorePadding(admin.totpSecret), 30, 6));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await waitForText(page.getByRole('heading', { level: 1 }), admin.name);
}

/** A script: plain HTTP with the token, no cookie and no Origin header. */
function callApi(path: string, secret: string, init: { method?: string; json?: unknown } = {}) {
  return fetch(`${suite.docket.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${secret}`,
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
}

describe('API tokens', () => {
  test('an admin issues a token, reads it once, a script uses it, and revoking it stops the script', async () => {
    const page = await suite.newPage();
    await signInAsAdmin(page);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
    await page.waitForURL(/\/api-tokens$/);
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();

    const name = `Case export ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'Issue token' }).click();
    const form = page.getByRole('dialog', { name: 'Issue an API token' });
    await form.waitFor();
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Role').selectOption('legal');
    expect(await form.getByLabel('Expires on').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByRole('button', { name: 'Issue token' }).click();

    // Shown once, with the warning and a copy button.
    const shown = page.getByRole('dialog', { name: 'Your new API token' });
    await shown.waitFor();
    await waitForText(shown.getByRole('alert'), 'You will not see it again');
    const secret = await shown.getByLabel('Token secret').inputValue();
    expect(secret).toMatch(/^dkt_[a-z2-7]{52}$/);
    await shown.getByRole('button', { name: 'Copy token' }).click();
    // Headless Chromium may or may not grant the clipboard; either way the page says what happened.
    await waitForText(shown.getByRole('status'), /Copied|did not allow copying/);
    await shown.getByRole('button', { name: 'I have stored it' }).click();
    await shown.waitFor({ state: 'hidden' });

    const row = page.getByRole('table', { name: 'API tokens' }).getByRole('row', { name: new RegExp(name) });
    await row.waitFor();
    await waitForText(row, 'Legal');
    await waitForText(row, `${secret.slice(0, 12)}…`);
    await waitForText(row, 'Active');
    await waitForText(row, 'Never');
    // Gone from the page for good once closed.
    expect(await page.content()).not.toContain(secret);

    // A script calls the API with it: within the legal role, audited under the token's name.
    const list = await callApi('/api/legal-requests', secret);
    expect(list.status).toBe(200);
    const agencyName = `Token agency ${Date.now().toString(36)}`;
    const created = await callApi('/api/agencies', secret, {
      method: 'POST',
      json: { name: agencyName, kind: 'court', country: 'IE', contact: 'Central Office, Four Courts' },
    });
    expect(created.status).toBe(201);
    expect((await callApi('/api/users', secret)).status).toBe(403);

    await page.reload();
    await waitForText(row, 'Active');
    expect(await row.textContent()).not.toContain('Never');

    // The audit log names the token and marks it as one.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/audit/);
    const auditRow = page
      .getByRole('table', { name: 'Audit events, newest first' })
      .getByRole('row', { name: /agency\.created/ })
      .filter({ hasText: name })
      .first();
    await auditRow.waitFor();
    await waitForText(auditRow, 'API token');

    // Revoke it on the page, with a confirmation.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
    await page.waitForURL(/\/api-tokens$/);
    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke API token' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await waitForText(row, 'Revoked');
    await waitForText(page.getByRole('status'), `${name} has been revoked`);
    expect(await row.getByRole('button', { name: `Revoke ${name}` }).count()).toBe(0);

    // The same call now gets 401, saying why.
    const refused = await callApi('/api/legal-requests', secret);
    expect(refused.status).toBe(401);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.message).toMatch(/revoked/);
  });
});
