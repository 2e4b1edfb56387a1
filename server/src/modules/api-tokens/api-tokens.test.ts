import { createHash } from 'node:crypto';
import { verifyAuditChain } from '@docket/server/modules/audit/audit.service';
import type { Role } from '@docket/shared/roles';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { Agent, type Reply } from '../../../../test/support/agent';
import { makeComplaint, signedIn } from '../../../../test/support/factories';
import { setupTestApp, type TestContext } from '../../../../test/support/test-app';

let ctx: TestContext;
let admin: Agent;
let adminId: string;

const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  ctx = await setupTestApp();
  const signed = await signedIn(ctx, 'admin');
  admin = signed.agent;
  adminId = signed.person.user.id;
});

const inDays = (days: number) => new Date(ctx.clock.now().getTime() + days * DAY).toISOString();

interface Issued {
  secret: string;
  token: { id: string; actorId: string; name: string; role: Role; prefix: string; status: string };
}

async function issue(role: Role, overrides: Record<string, unknown> = {}): Promise<Issued> {
  const res = await admin.post('/api/api-tokens', {
    name: `${role} script ${Math.random().toString(36).slice(2, 7)}`,
    role,
    expiresAt: inDays(30),
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`issue: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A script: no cookies, no Origin header, only the Authorization header. */
function withToken<T = any>(
  secret: string,
  method: string,
  path: string,
  json?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  return new Agent(ctx, '198.51.100.7').request<T>(method, path, {
    origin: null,
    headers: { authorization: `Bearer ${secret}`, ...headers },
    ...(json === undefined ? {} : { json }),
  });
}

async function count(table: 'api_tokens' | 'users' | 'audit_events') {
  const row = await ctx.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('issuing', () => {
  it('shows the secret once, stores only its SHA-256, and lists the token without it', async () => {
    const res = await admin.post('/api/api-tokens', {
      name: 'Nightly export',
      role: 'compliance',
      expiresAt: inDays(90),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { secret, token } = res.body as Issued;
    expect(secret).toMatch(/^dkt_[a-z2-7]{52}$/);
    expect(token).toMatchObject({ name: 'Nightly export', role: 'compliance', status: 'active' });
    expect(token.prefix).toBe(secret.slice(0, 12));

    // The secret appears nowhere in the database: not in the token's row, not in the row it acts as.
    const stored = await ctx.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    const actorRow = await ctx.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', token.actorId)
      .executeTakeFirstOrThrow();
    expect(actorRow).toMatchObject({
      kind: 'api_token',
      role: 'compliance',
      name: 'Nightly export',
      password_hash: null,
      totp_secret_enc: null,
      email: `token-${token.id}@api-tokens.invalid`,
    });
    const everything = await sql<{ t: string }>`
      select (select string_agg(t::text, '|') from api_tokens t) || (select string_agg(u::text, '|') from users u) as t`.execute(
      ctx.deps.db,
    );
    expect(everything.rows[0]?.t).toContain(token.id);
    expect(everything.rows[0]?.t).not.toContain(secret);
    expect(everything.rows[0]?.t).not.toContain(secret.slice(4));

    // Lists never carry the secret or its hash.
    const list = await admin.get('/api/api-tokens');
    expect(list.status).toBe(200);
    const listed = list.body.tokens.find((t: { id: string }) => t.id === token.id);
    expect(listed).toMatchObject({ name: 'Nightly export', createdById: adminId, lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(secret.slice(4));
    expect(JSON.stringify(list.body)).not.toContain(stored.token_hash);

    // Audited with ids and the role only: no name, no secret, no hash.
    const event = await ctx.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'api_token.issued')
      .where('entity_id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(event.actor_id).toBe(adminId);
    expect(event.changes).toEqual({ role: 'compliance', actorId: token.actorId });
    expect(JSON.stringify(event)).not.toContain('Nightly');
    expect(JSON.stringify(event)).not.toContain(secret.slice(4));
  });

  it('refuses a past expiry, one more than a year ahead, and bad fields, writing nothing', async () => {
    const before = {
      tokens: await count('api_tokens'),
      users: await count('users'),
      audit: await count('audit_events'),
    };
    const past = await admin.post('/api/api-tokens', { name: 'x', role: 'legal', expiresAt: inDays(-1) });
    expect(past.status).toBe(400);
    expect(past.body.error.issues).toEqual([{ path: 'expiresAt', message: 'Expiry must be in the future' }]);
    const far = await admin.post('/api/api-tokens', { name: 'x', role: 'legal', expiresAt: inDays(400) });
    expect(far.status).toBe(400);
    expect(far.body.error.issues[0].path).toBe('expiresAt');
    const bad = await admin.post('/api/api-tokens', { name: ' ', role: 'boss', expiresAt: 'tomorrow', secret: 'x' });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'role', 'expiresAt', 'secret']));
    const missing = await admin.post('/api/api-tokens', { name: 'No expiry', role: 'legal' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0].path).toBe('expiresAt');
    expect({
      tokens: await count('api_tokens'),
      users: await count('users'),
      audit: await count('audit_events'),
    }).toEqual(before);
  });

  it('is for admins only, and never for a token, even an admin one', async () => {
    const before = await count('api_tokens');
    for (const role of ['legal', 'support', 'compliance'] as const) {
      const { agent } = await signedIn(ctx, role);
      const res = await agent.post('/api/api-tokens', { name: 'mine', role: 'admin', expiresAt: inDays(5) });
      expect(res.status, role).toBe(403);
      expect((await agent.get('/api/api-tokens')).status, role).toBe(403);
    }
    const adminToken = await issue('admin');
    const minted = await withToken(adminToken.secret, 'POST', '/api/api-tokens', {
      name: 'child',
      role: 'admin',
      expiresAt: inDays(300),
    });
    expect(minted.status).toBe(403);
    expect(minted.body.error.message).toMatch(/API tokens cannot .*issue/);
    expect((await withToken(adminToken.secret, 'GET', '/api/api-tokens')).status).toBe(403);
    const revokeSelf = await withToken(adminToken.secret, 'POST', `/api/api-tokens/${adminToken.token.id}/revocation`);
    expect(revokeSelf.status).toBe(403);
    expect(await count('api_tokens')).toBe(before + 1);
  });
});

describe('requests with a token', () => {
  it('work within the token role and are refused outside it', async () => {
    const compliance = await issue('compliance');
    const me = await withToken(compliance.secret, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.me).toMatchObject({ id: compliance.token.actorId, role: 'compliance', fullySignedIn: true });
    expect(me.headers.getSetCookie()).toEqual([]);

    const { agent: support } = await signedIn(ctx, 'support');
    const complaint = await makeComplaint(support);
    const list = await withToken(compliance.secret, 'GET', '/api/complaints');
    expect(list.status).toBe(200);
    // Compliance sees complaints without the complainant's personal data, through a token too.
    const seen = await withToken(compliance.secret, 'GET', `/api/complaints/${complaint.id}`);
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body)).not.toContain('Canary Complainant');

    const legalRequests = await withToken(compliance.secret, 'GET', '/api/legal-requests');
    expect(legalRequests.status).toBe(403);
    expect(legalRequests.body.error.code).toBe('forbidden');
    const people = await withToken(compliance.secret, 'GET', '/api/users');
    expect(people.status).toBe(403);
  });

  it('records changes with the token as the actor, like a person', async () => {
    const legal = await issue('legal');
    const res = await withToken(legal.secret, 'POST', '/api/agencies', {
      name: `Token Agency ${Math.random().toString(36).slice(2, 7)}`,
      kind: 'law_enforcement',
      country: 'DE',
      contact: 'switchboard',
      verificationMethod: 'callback_known_number',
    });
    expect(res.status).toBe(201);
    expect(res.body.agency.verifiedBy).toBe(legal.token.actorId);
    const event = await ctx.deps.db
      .selectFrom('audit_events')
      .select(['actor_id', 'action'])
      .where('entity_id', '=', res.body.agency.id)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_id: legal.token.actorId, action: 'agency.created' });

    // The audit page names the token and says it was one.
    const audit = await admin.get(`/api/audit?actorId=${legal.token.actorId}`);
    expect(audit.body.events[0]).toMatchObject({
      action: 'agency.created',
      actorName: legal.token.name,
      actorKind: 'api_token',
    });
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it('needs no Origin header, while a cookie request without one is refused', async () => {
    const legal = await issue('legal');
    const agency = {
      name: `Origin Agency ${Math.random().toString(36).slice(2, 7)}`,
      kind: 'court',
      country: 'FR',
      contact: 'greffe',
    };
    const scripted = await withToken(legal.secret, 'POST', '/api/agencies', agency);
    expect(scripted.status).toBe(201);

    const { agent: person } = await signedIn(ctx, 'legal');
    const noOrigin = await person.request('POST', '/api/agencies', {
      origin: null,
      json: { ...agency, country: 'BE' },
    });
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.body.error.code).toBe('origin_mismatch');

    // Cookie and token together: a cookie request, so the Origin check applies; with it, still ambiguous.
    const both = await person.request('POST', '/api/agencies', {
      origin: null,
      headers: { authorization: `Bearer ${legal.secret}` },
      json: { ...agency, country: 'NL' },
    });
    expect(both.status).toBe(403);
    expect(both.body.error.code).toBe('origin_mismatch');
    const bothWithOrigin = await person.request('POST', '/api/agencies', {
      headers: { authorization: `Bearer ${legal.secret}` },
      json: { ...agency, country: 'NL' },
    });
    expect(bothWithOrigin.status).toBe(400);
    expect(bothWithOrigin.body.error.message).toMatch(/not both/);
    // Another Authorization scheme (a proxy's Basic auth) is not ours: the cookie session still works.
    const basic = await person.request('GET', '/api/auth/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(200);
  });

  it('cannot use the routes that belong to a person', async () => {
    const token = await issue('admin');
    const before = await count('audit_events');
    for (const [method, path, body] of [
      ['POST', '/api/auth/sign-out', undefined],
      ['POST', '/api/auth/sign-in', { email: 'someone@example.test', password: 'whatever password' }],
      ['POST', '/api/auth/two-factor/enrollment', undefined],
      ['POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'a new long password' }],
      ['GET', '/api/auth/sessions', undefined],
      ['DELETE', '/api/auth/sessions', undefined],
    ] as const) {
      const res = await withToken(token.secret, method, path, body);
      expect(res.status, path).toBe(403);
      expect(res.body.error.message, path).toMatch(/^API tokens cannot/);
      expect(res.headers.getSetCookie(), path).toEqual([]);
    }
    expect(await count('audit_events')).toBe(before);
  });

  it('refuses an unknown, malformed or empty token with 401 instead of serving an anonymous request', async () => {
    const unknown = await withToken('dkt_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'GET', '/api/auth/me');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toMatch(/not recognised/);
    const foreign = await withToken('ghp_somethingelse', 'GET', '/healthz');
    expect(foreign.status).toBe(401);
    expect(foreign.body.error.message).toMatch(/start with "dkt_"/);
    const empty = await new Agent(ctx).request('GET', '/api/auth/me', { headers: { authorization: 'Bearer ' } });
    expect(empty.status).toBe(401);
    expect(empty.body.error.message).toMatch(/no API token/);
  });

  it('marks last use at most once a minute', async () => {
    const token = await issue('support');
    const lastUsed = async () =>
      (
        await ctx.deps.db
          .selectFrom('api_tokens')
          .select('last_used_at')
          .where('id', '=', token.token.id)
          .executeTakeFirstOrThrow()
      ).last_used_at?.getTime() ?? null;
    expect(await lastUsed()).toBeNull();
    await withToken(token.secret, 'GET', '/api/complaints');
    const first = await lastUsed();
    expect(first).toBe(ctx.clock.now().getTime());
    ctx.clock.advance(30_000);
    await withToken(token.secret, 'GET', '/api/complaints');
    expect(await lastUsed()).toBe(first);
    ctx.clock.advance(31_000);
    await withToken(token.secret, 'GET', '/api/complaints');
    expect(await lastUsed()).toBe(ctx.clock.now().getTime());
  });
});

describe('expiry and revocation', () => {
  it('stops an expired token with 401', async () => {
    // Ten minutes: well inside the admin session's idle limit, so only the token's clock runs out.
    const tenMinutes = 10 * 60 * 1000;
    const token = await issue('legal', { expiresAt: new Date(ctx.clock.now().getTime() + tenMinutes).toISOString() });
    expect((await withToken(token.secret, 'GET', '/api/legal-requests')).status).toBe(200);
    const statusOf = async () =>
      (await admin.get('/api/api-tokens')).body.tokens.find((t: { id: string }) => t.id === token.token.id).status;
    expect(await statusOf()).toBe('active');
    ctx.clock.advance(tenMinutes);
    const expired = await withToken(token.secret, 'GET', '/api/legal-requests');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('unauthenticated');
    expect(expired.body.error.message).toMatch(/expired/);
    expect(await statusOf()).toBe('expired');
  });

  it('stops a revoked token at once, audited, and a second revocation is a conflict', async () => {
    const token = await issue('support');
    expect((await withToken(token.secret, 'GET', '/api/complaints')).status).toBe(200);
    const res = await admin.post(`/api/api-tokens/${token.token.id}/revocation`);
    expect(res.status).toBe(200);
    expect(res.body.token).toMatchObject({ status: 'revoked', revokedByName: expect.stringMatching(/Test Person/) });
    const refused = await withToken(token.secret, 'GET', '/api/complaints');
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(/revoked/);
    const event = await ctx.deps.db
      .selectFrom('audit_events')
      .select(['actor_id', 'changes'])
      .where('action', '=', 'api_token.revoked')
      .where('entity_id', '=', token.token.id)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_id: adminId, changes: { role: 'support', actorId: token.token.actorId } });
    const row = await ctx.deps.db
      .selectFrom('users')
      .select('status')
      .where('id', '=', token.token.actorId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('disabled');
    const again = await admin.post(`/api/api-tokens/${token.token.id}/revocation`);
    expect(again.status).toBe(409);
    const missing = await admin.post('/api/api-tokens/00000000-0000-4000-8000-000000000000/revocation');
    expect(missing.status).toBe(404);
  });
});

describe('a token is not a person', () => {
  it('cannot sign in with a password, is in no list of people and cannot be edited as one', async () => {
    const legal = await issue('legal');
    const email = `token-${legal.token.id}@api-tokens.invalid`;
    const signIn = await new Agent(ctx, '198.51.100.99').post('/api/auth/sign-in', { email, password: legal.secret });
    expect(signIn.status).toBe(401);
    expect(signIn.body.error.code).toBe('invalid_credentials');
    expect(signIn.headers.getSetCookie().some((c) => c.startsWith('docket_session=') && !/max-age=0/i.test(c))).toBe(
      false,
    );
    // The database itself refuses to give a token's row a password.
    await expect(
      ctx.deps.db.updateTable('users').set({ password_hash: 'x' }).where('id', '=', legal.token.actorId).execute(),
    ).rejects.toThrow(/users_api_token_cannot_sign_in/);

    const people = await admin.get('/api/users');
    expect(people.body.users.map((u: { id: string }) => u.id)).not.toContain(legal.token.actorId);
    expect(people.body.users.length).toBeGreaterThan(0);
    const assignable = await admin.get('/api/users/assignable');
    expect(assignable.body.people.map((p: { id: string }) => p.id)).not.toContain(legal.token.actorId);
    expect((await admin.get(`/api/users/${legal.token.actorId}`)).status).toBe(404);
    const edit = await admin.patch(`/api/users/${legal.token.actorId}`, {
      version: 1,
      password: 'a brand new password',
    });
    expect(edit.status).toBe(404);
    const remove = await admin.delete(`/api/users/${legal.token.actorId}?version=1`);
    expect(remove.status).toBe(404);
  });

  it('does not count as the admin that keeps Docket administrable', async () => {
    const { agent: lastAdmin, person } = await signedIn(ctx, 'admin');
    const adminToken = await issue('admin');
    // Leave exactly one active admin person besides the token.
    const others = await ctx.deps.db
      .selectFrom('users')
      .select(['id', 'version'])
      .where('kind', '=', 'person')
      .where('role', '=', 'admin')
      .where('status', '=', 'active')
      .where('id', '<>', person.user.id)
      .execute();
    for (const other of others) {
      const res = await lastAdmin.patch(`/api/users/${other.id}`, { version: other.version, status: 'disabled' });
      expect(res.status).toBe(200);
    }
    const demote = await lastAdmin.patch(`/api/users/${person.user.id}`, {
      version: person.user.version,
      role: 'legal',
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/at least one active admin/);
    const byToken = await withToken(adminToken.secret, 'PATCH', `/api/users/${person.user.id}`, {
      version: person.user.version,
      status: 'disabled',
    });
    expect(byToken.status).toBe(409);
    // Put the other admins back; disabling ended their sessions, so the file's admin signs in afresh.
    for (const other of others) {
      const res = await lastAdmin.patch(`/api/users/${other.id}`, { version: other.version + 1, status: 'active' });
      expect(res.status).toBe(200);
    }
    const fresh = await signedIn(ctx, 'admin');
    admin = fresh.agent;
    adminId = fresh.person.user.id;
  });
});
