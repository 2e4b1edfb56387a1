import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from '../support/chromium';
import { type RunningDocket, startDocket } from './server-harness';

/**
 * One Docket server (fresh database, demo data) and one Chromium per test file; each page gets a
 * browser context of its own, closed after its test. Every test also fails if the browser refused
 * anything under the page's content security policy (an inline style or script, a foreign source).
 */
/**
 * E2E_CPU_SLOWDOWN=N runs each page's JavaScript N times slower, as on a busy machine: a test that reads the
 * page before it has drawn what the test waited for fails at once instead of once in a while.
 */
const CPU_SLOWDOWN = Number(process.env.E2E_CPU_SLOWDOWN ?? 1);

export function useDocketBrowser() {
  let docket: RunningDocket | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    docket = await startDocket();
    browser = await launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(refused.splice(0), 'content security policy violations').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await docket?.stop();
  });

  const running = () => {
    if (!docket || !browser) throw new Error('Docket is not running yet');
    return { docket, browser };
  };
  return {
    get docket(): RunningDocket {
      return running().docket;
    },
    async newPage(): Promise<Page> {
      const { docket: d, browser: b } = running();
      const context = await b.newContext({ baseURL: d.baseUrl, viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      await context.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
        ),
      );
      const page = await context.newPage();
      if (CPU_SLOWDOWN > 1) {
        const devtools = await context.newCDPSession(page);
        await devtools.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      }
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      return page;
    },
  };
}

export async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
  await expect
    .poll(async () => (await locator.textContent()) ?? '', { timeout: 10_000 })
    .toMatch(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text);
}

/** A datetime-local value an hour ago, in the browser's (and this process's) local time. */
export function anHourAgoLocal(): string {
  const d = new Date(Date.now() - 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
