import { beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../support/agent';
import { makePerson } from '../support/factories';
import { setupTestApp, type TestContext } from '../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

describe('brute force', () => {
  it('lets 1,000 wrong passwords against one account, one a second from many addresses, reach the password check only a few times', async () => {
    const person = await makePerson(ctx);
    const statuses: Record<number, number> = {};
    for (let i = 0; i < 1000; i++) {
      const res = await new Agent(ctx, `192.0.2.${i % 250}`).post('/api/auth/sign-in', {
        email: person.email,
        password: `guess-${i}`,
      });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      ctx.clock.advance(1000);
    }
    console.log(
      `1,000 guesses at one account over 1,000 s: ${JSON.stringify(statuses)} (401 = password checked, 429 = refused unchecked)`,
    );
    expect(Object.keys(statuses).sort()).toEqual(['401', '429']);
    // 5 free, then locks of 1, 2, 4 … 512 s: about 15 checks in 1,000 s.
    expect(statuses[401]).toBeLessThanOrEqual(16);
    ctx.clock.advance(60 * 60 * 1000);
  }, 120_000);

  it('stops a spray of one password across 100 accounts from one address after 20 tries', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => makePerson(ctx)));
    const emails = [...people.map((p) => p.email), ...Array.from({ length: 95 }, (_, i) => `sprayed${i}@example.test`)];
    let checked = 0;
    let refused = 0;
    for (const email of emails) {
      const res = await new Agent(ctx, '198.18.0.7').post('/api/auth/sign-in', { email, password: 'Winter2026!' });
      if (res.status === 401) checked += 1;
      if (res.status === 429) refused += 1;
    }
    console.log(`spray across 100 accounts from one address: ${checked} checked, ${refused} refused`);
    expect(checked).toBe(20);
    expect(refused).toBe(80);
  }, 120_000);
});
