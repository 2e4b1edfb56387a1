import type { Page } from 'playwright-core';
import { waitForText } from './browser-suite';
import type { RunningDocket } from './server-harness';

/** A demo person who signs in with the password alone (every demo person but the admin). */
export function demoPerson(docket: RunningDocket, email: string) {
  const person = docket.demo.find((p) => p.email === email);
  if (!person) throw new Error(`The demo data has no ${email} person`);
  if (person.totpSecret) throw new Error(`${email} is expected to sign in without 2-step verification`);
  return person;
}

/** Signs a demo person in through the sign-in page and waits for the home page to greet them. */
export async function signInAsDemo(page: Page, docket: RunningDocket, email: string): Promise<void> {
  const person = demoPerson(docket, email);
  await page.goto('/');
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await waitForText(page.getByRole('heading', { level: 1 }), person.name);
}
