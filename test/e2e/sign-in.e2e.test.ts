import { totpCodeSchema } from '@docket/shared/auth.schemas';
import { createUserSchema } from '@docket/shared/users.schemas';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP, generateTOTP } from '@oslojs/otp';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useDocketBrowser, waitForText } from './browser-suite';

const suite = useDocketBrowser();
const newPage = () => suite.newPage();

function demoAdmin() {
  const admin = suite.docket.demo.find((person) => person.role === 'admin' && person.totpSecret);
  if (!admin?.totpSecret) throw new Error('The demo data has no admin with 2-step verification');
  return { ...admin, totpSecret: admin.totpSecret };
}

/** The message a shared schema gives for a value, so the test checks the UI shows the contract's words. */
function schemaMessage(
  schema: { safeParse: (value: unknown) => { error?: { issues: { message: string }[] } } },
  value: unknown,
) {
  const message = schema.safeParse(value).error?.issues[0]?.message;
  if (!message) throw new Error(`Expected ${JSON.stringify(value)} to be invalid`);
  return message;
}

// The server refuses a TOTP time step that was already used (replay protection), so each sign-in
// in this file waits for a step no earlier sign-in used.
let lastUsedStep = 0;
async function freshTotp(secret: string): Promise<string> {
  let step = Math.floor(Date.now() / 30_000);
  if (step <= lastUsedStep) {
    await new Promise((resolve) => setTimeout(resolve, (lastUsedStep + 1) * 30_000 - Date.now() + 250));
    step = Math.floor(Date.now() / 30_000);
  }
  lastUsedStep = step;
  return generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);
}

/** A well-formed code that matches no time step the server would accept right now. */
function wrongTotp(secret: string): string {
  const key = decodeBase32IgnorePadding(secret);
  const step = Math.floor(Date.now() / 30_000);
  const near = new Set([-2, -1, 0, 1, 2].map((offset) => generateHOTP(key, BigInt(step + offset), 6)));
  for (let candidate = 0; ; candidate++) {
    const code = String((candidate * 7919) % 1_000_000).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('signing in', () => {
  test('admin signs in with a code, adds a person, and signs out', async () => {
    const admin = demoAdmin();
    const page = await newPage();

    await signInWithPassword(page, admin.email, admin.password);
    await page.waitForURL(/\/sign-in\/verify/);
    await page.getByLabel('Authentication code').fill(await freshTotp(admin.totpSecret));
    await page.getByLabel('Authentication code').press('Enter');

    await page.waitForURL((url) => url.pathname === '/');
    await waitForText(page.getByRole('heading', { level: 1 }), admin.name);
    await waitForText(page.getByRole('banner'), 'Admin');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.waitForURL(/\/people$/);
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();

    const suffix = Date.now().toString(36);
    const person = { name: `Nora Legal ${suffix}`, email: `nora.${suffix}@docket.test` };
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.waitFor();
    await dialog.getByLabel('Name').fill(person.name);
    await dialog.getByLabel('Email').fill(person.email);
    await dialog.getByLabel('Role').selectOption('legal');
    await dialog.getByLabel('Initial password').fill('correct horse battery staple');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('table', { name: 'People' }).getByRole('row', { name: new RegExp(person.name) });
    await row.waitFor();
    await waitForText(row, person.email);
    await waitForText(row, 'Legal');
    await waitForText(row, 'Active');
    await waitForText(page.getByRole('status'), `${person.name} has been added.`);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // The session really ended: a protected page sends us back to sign in.
    await page.goto('/people');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/people');
  });

  test('a wrong authenticator code is refused with a message', async () => {
    const admin = demoAdmin();
    const page = await newPage();

    await signInWithPassword(page, admin.email, admin.password);
    await page.waitForURL(/\/sign-in\/verify/);
    const codeField = page.getByLabel('Authentication code');

    // Malformed: the shared schema's message appears inline, nothing is sent.
    await codeField.fill('12');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText(schemaMessage(totpCodeSchema, '12')).waitFor();
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');

    // Well-formed but wrong: the server refuses it and the page says so.
    await codeField.fill(wrongTotp(admin.totpSecret));
    await page.getByRole('button', { name: 'Verify' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(((await alert.textContent()) ?? '').trim().length).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe('/sign-in/verify');
  });

  test('the create-person form shows the shared schema message for an invalid email', async () => {
    const admin = demoAdmin();
    const page = await newPage();

    await page.goto('/people');
    await page.waitForURL(/\/sign-in\?next=%2Fpeople/);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in\/verify/);
    await page.getByLabel('Authentication code').fill(await freshTotp(admin.totpSecret));
    await page.getByRole('button', { name: 'Verify' }).click();
    // Back on the page first asked for.
    await page.waitForURL((url) => url.pathname === '/people');

    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.waitFor();
    await dialog.getByLabel('Name').fill('Invalid Email Person');
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByLabel('Initial password').fill('correct horse battery staple');
    await dialog.getByRole('button', { name: 'Add person' }).click();

    await dialog.getByText(schemaMessage(createUserSchema.shape.email, 'not-an-email')).waitFor();
    expect(await dialog.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');

    // Escape closes the dialog and nobody was created.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('row', { name: /Invalid Email Person/ }).count()).toBe(0);
  });
});
