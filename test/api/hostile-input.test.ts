import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../support/agent';
import { makeAgency, makeLegalRequest, signedIn } from '../support/factories';
import { docketTables } from '../support/table-counts';
import { setupTestApp, type TestContext } from '../support/test-app';
import { routePermissions } from './route-permissions';

let ctx: TestContext;
let admin: Agent;
let ids: Record<string, string>;

beforeAll(async () => {
  ctx = await setupTestApp();
  const signed = await signedIn(ctx, 'admin');
  admin = signed.agent;
  const agency = await makeAgency(admin);
  const request = await makeLegalRequest(admin, agency.id);
  // Real ids, so that a body that slips past validation reaches real rows (and must still change nothing wrong).
  ids = { users: signed.person.user.id, agencies: agency.id, 'legal-requests': request.id };
});

async function fingerprint() {
  const out: Record<string, string> = {};
  for (const relname of await docketTables(ctx.deps.db)) {
    // Row contents, not only counts: nothing may change, not even a timestamp.
    // A CSV export is a read that the trail records on purpose (who took which list): those events aside.
    const reads = relname === 'audit_events' ? sql`where x.action not like '%.exported'` : sql``;
    const rows = await sql<{
      t: string;
    }>`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as t from ${sql.table(relname)} x ${reads}`.execute(
      ctx.deps.db,
    );
    out[relname] = rows.rows[0]?.t ?? '';
  }
  return out;
}

const fragments = [
  "' OR 1=1 --",
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  'a\u0000b',
  '2026-13-45T99:99:99Z',
  '2026-02-30',
  '../../etc/passwd',
  'NaN',
  '-1',
  '1e308',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '\u202e\u0301\ud83d\ude00',
  '{"$ne": null}',
];
const keys = [
  'email',
  'password',
  'name',
  'role',
  'version',
  'code',
  'recoveryCode',
  'to',
  'reason',
  'kind',
  'body',
  'grounds',
  'asked',
  'proposed',
  'outcome',
  'disposition',
  'processType',
  'agencyId',
  'country',
  'receivedAt',
  'dueAt',
  'identifiers',
  'dataCategories',
  'summary',
  'nondisclosure',
  'requireTwoFactorFor',
  'expiresAt',
  'status',
  'sentAt',
  'method',
  'outcomes',
  'newPassword',
  'currentPassword',
  'narrowedScope',
  'extra',
  '__proto__',
  'constructor',
];
const nasty = fc.oneof(
  fc.constantFrom(...fragments),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ minLength: 5000, maxLength: 6000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);
const badBody = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...keys), nasty, { maxKeys: 8 }) },
  { weight: 1, arbitrary: nasty },
  { weight: 1, arbitrary: fc.anything() },
);

const bodyless = new Set([
  'POST /api/auth/sign-out',
  'POST /api/auth/two-factor/enrollment',
  'POST /api/audit/verify',
  'POST /api/legal-requests/:id/attachments',
  'POST /api/complaints/:id/attachments',
  'POST /api/complaints/:id/escalations/:escalationId/correspondence/:correspondenceId/attachments',
  'POST /api/retention',
  'POST /api/api-tokens/:id/revocation',
  'POST /api/notifications/read-all',
  'POST /api/notifications/:id/read',
]);

function concrete(path: string): string {
  const resource = path.split('/')[2] ?? '';
  return path
    .replace(':id', ids[resource] ?? '00000000-0000-4000-8000-000000000000')
    .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
}

describe('hostile input', () => {
  it('answers every generated bad input with a 4xx that names the field, and changes nothing', async () => {
    const routes = Object.keys(routePermissions).filter((r) => /^(POST|PUT|PATCH) /.test(r) && !bodyless.has(r));
    const getRoutes = Object.keys(routePermissions).filter((r) => r.startsWith('GET /api/'));
    const before = await fingerprint();
    let tried = 0;
    const check = (label: string, res: { status: number; body: any }) => {
      tried += 1;
      expect(res.status, label).toBeGreaterThanOrEqual(400);
      expect(res.status, label).toBeLessThan(500);
      expect(typeof res.body?.error?.message, label).toBe('string');
      if (res.body.error.code === 'validation_failed') {
        const issue = res.body.error.issues[0];
        expect(issue.message.length, label).toBeGreaterThan(0);
        if (issue.path) expect(res.body.error.message, label).toContain(issue.path);
      }
    };

    const perRoute = Math.ceil(9000 / routes.length);
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const url = concrete(path);
      await fc.assert(
        fc.asyncProperty(badBody, async (body) => {
          const text = JSON.stringify(body) ?? 'null';
          check(
            `${route} ${text.slice(0, 200)}`,
            await admin.request(method, url, { body: text, headers: { 'content-type': 'application/json' } }),
          );
        }),
        { numRuns: perRoute },
      );
      // Wrong content types and broken JSON.
      for (const [type, body] of [
        ['text/plain', 'email=x'],
        ['application/x-www-form-urlencoded', 'a=1&b=2'],
        ['multipart/form-data; boundary=x', '--x--'],
        ['application/json', '{"unterminated": '],
        ['application/json', ''],
      ] as const) {
        check(`${route} ${type}`, await admin.request(method, url, { body, headers: { 'content-type': type } }));
      }
    }
    // Bad ids in paths and bad query strings.
    const param = fc.oneof(fc.constantFrom(...fragments), fc.string({ minLength: 1, maxLength: 60 }));
    const withIds = Object.keys(routePermissions).filter((r) => r.includes(':id'));
    for (const route of withIds) {
      const [method, path] = route.split(' ') as [string, string];
      await fc.assert(
        fc.asyncProperty(param, async (value) => {
          const url = path.replace(/:[a-zA-Z]+/g, encodeURIComponent(value));
          const res = await admin.request(method, url, method === 'GET' || method === 'DELETE' ? {} : { json: {} });
          tried += 1;
          expect(res.status, `${route} ${value}`).toBeGreaterThanOrEqual(400);
          expect(res.status, `${route} ${value}`).toBeLessThan(500);
        }),
        { numRuns: 40 },
      );
    }
    const queryKey = fc.constantFrom(
      'limit',
      'before',
      'after',
      'view',
      'status',
      'processType',
      'country',
      'agencyId',
      'emergency',
      'q',
      'role',
      'action',
      'bogus',
    );
    for (const route of getRoutes.filter((r) => !r.includes(':'))) {
      const path = route.split(' ')[1] as string;
      await fc.assert(
        fc.asyncProperty(fc.dictionary(queryKey, param, { minKeys: 1, maxKeys: 3 }), async (query) => {
          const qs = new URLSearchParams(query).toString();
          const res = await admin.request('GET', `${path}?${qs}`);
          tried += 1;
          expect(res.status, `${route}?${qs}`).toBeLessThan(500);
        }),
        { numRuns: 60 },
      );
    }
    console.log(
      `hostile input: ${tried} bad inputs tried across ${routes.length + withIds.length + getRoutes.length} routes, no 5xx`,
    );
    expect(tried).toBeGreaterThanOrEqual(10_000);
    expect(await fingerprint()).toEqual(before);
  }, 600_000);
});
