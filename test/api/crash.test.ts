import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningDocket, startDocket } from '../e2e/server-harness';

/** A signed-in HTTP client for a real server: cookie kept, Origin sent. */
async function client(baseUrl: string, email: string, password: string, totpSecret?: string | null) {
  let cookie = '';
  const call = async (method: string, path: string, json?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        origin: baseUrl,
        ...(cookie ? { cookie } : {}),
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('docket_session='));
    if (set) cookie = set.split(';')[0] ?? '';
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  };
  const signIn = await call('POST', '/api/auth/sign-in', { email, password });
  if (signIn.status !== 200) throw new Error(`sign-in ${signIn.status}`);
  if (totpSecret) {
    const code = generateTOTP(decodeBase32IgnorePadding(totpSecret), 30, 6);
    const second = await call('POST', '/api/auth/second-step', { code });
    if (second.status !== 200) throw new Error(`second step ${second.status} ${JSON.stringify(second.body)}`);
  }
  return call;
}

let server: RunningDocket | undefined;
afterAll(async () => {
  await server?.stop();
});

describe('crash safety', () => {
  it('keeps every acknowledged write, with its audit event, when the server is killed mid-load', async () => {
    // On PostgreSQL, the database runs with fsync on for this test, as in production.
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (adminUrl) {
      const pg = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await pg.unsafe('alter system set fsync = on');
      await pg.unsafe('select pg_reload_conf()');
      await pg.end();
    }
    try {
      server = await startDocket();
      const legal = server.demo.find((d) => d.role === 'legal');
      const call = await client(server.baseUrl, legal?.email as string, legal?.password as string);
      const agencyId = (await call('GET', '/api/agencies')).body.agencies[0].id as string;

      const acknowledged = new Map<string, string>(); // idempotency key -> request id
      let stop = false;
      const worker = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const key = `crash-${w}-${i}`;
          try {
            const res = await call(
              'POST',
              '/api/legal-requests',
              {
                processType: 'subpoena',
                agencyId,
                country: 'US',
                receivedAt: '2026-05-01T09:00:00Z',
                summary: `Crash test write ${key}`,
                identifiers: [{ kind: 'account', value: key }],
                dataCategories: ['subscriber'],
              },
              { 'idempotency-key': key },
            );
            if (res.status === 201) acknowledged.set(key, res.body.request.id);
          } catch {
            return; // the server is gone
          }
        }
      };
      const workers = Array.from({ length: 6 }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, 2500));
      await server.kill();
      stop = true;
      await Promise.all(workers);

      server = await server.restart();
      const admin = server.demo.find((d) => d.role === 'admin');
      const adminCall = await client(
        server.baseUrl,
        admin?.email as string,
        admin?.password as string,
        admin?.totpSecret,
      );
      let found = 0;
      for (const [, id] of acknowledged) {
        const res = await adminCall('GET', `/api/legal-requests/${id}`);
        const audit = await adminCall('GET', `/api/audit?entityId=${id}&action=legal_request.created`);
        if (res.status === 200 && audit.body.events.length === 1) found += 1;
      }
      const verify = await adminCall('POST', '/api/audit/verify');
      console.log(
        `crash: ${acknowledged.size} writes acknowledged before SIGKILL, ${found} found after restart; audit chain ${verify.body.ok ? 'verifies' : 'BROKEN'} (${verify.body.checked} events)`,
      );
      expect(acknowledged.size).toBeGreaterThan(5);
      expect(found).toBe(acknowledged.size);
      expect(verify.body.ok).toBe(true);
    } finally {
      if (adminUrl) {
        const pg = postgres(adminUrl, { max: 1, onnotice: () => {} });
        await pg.unsafe('alter system reset fsync');
        await pg.unsafe('select pg_reload_conf()');
        await pg.end();
      }
    }
  }, 180_000);
});
