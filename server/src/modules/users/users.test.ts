import { verifyAuditChain } from '@docket/server/modules/audit/audit.service';
import { beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../test/support/agent';
import { makePerson, signedIn } from '../../../../test/support/factories';
import { setupTestApp, type TestContext } from '../../../../test/support/test-app';

let ctx: TestContext;
let admin: Agent;
beforeAll(async () => {
  ctx = await setupTestApp();
  admin = (await signedIn(ctx, 'admin')).agent;
});

const newPerson = (overrides: Record<string, unknown> = {}) => ({
  email: `new-${Math.random().toString(36).slice(2, 8)}@example.test`,
  name: 'New Person',
  role: 'legal',
  password: 'a long enough password',
  ...overrides,
});

async function countRows(table: 'users' | 'audit_events' | 'sessions') {
  const row = await ctx.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('people administration', () => {
  it('lets an admin create a person who can then sign in; the audit event holds no personal data', async () => {
    const input = newPerson({ email: 'Mixed.Case@Example.test' });
    const res = await admin.post('/api/users', input);
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: 'mixed.case@example.test',
      role: 'legal',
      status: 'active',
      version: 1,
    });
    const event = await ctx.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'user.created')
      .where('entity_id', '=', res.body.user.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(event)).not.toMatch(/mixed\.case|New Person|a long enough password/i);
    const signIn = await new Agent(ctx).post('/api/auth/sign-in', {
      email: 'mixed.case@example.test',
      password: input.password,
    });
    expect(signIn.status).toBe(200);
  });

  it('refuses a duplicate email with 409 naming the field, and creates nothing', async () => {
    const input = newPerson();
    expect((await admin.post('/api/users', input)).status).toBe(201);
    const users = await countRows('users');
    const dup = await admin.post('/api/users', { ...input, email: input.email.toUpperCase() });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'email_taken', issues: [{ path: 'email' }] });
    expect(await countRows('users')).toBe(users);
  });

  it('rejects bad input naming each field, and writes nothing', async () => {
    const users = await countRows('users');
    const events = await countRows('audit_events');
    const res = await admin.post('/api/users', { email: 'x', name: '', role: 'boss', password: 'short', extra: 1 });
    expect(res.status).toBe(400);
    const paths = res.body.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['email', 'extra', 'name', 'password', 'role']);
    expect(await countRows('users')).toBe(users);
    expect(await countRows('audit_events')).toBe(events);
  });

  it('keeps people administration to admins', async () => {
    for (const role of ['legal', 'support', 'compliance'] as const) {
      const { agent } = await signedIn(ctx, role);
      expect((await agent.get('/api/users')).status).toBe(403);
      expect((await agent.post('/api/users', newPerson())).status).toBe(403);
      expect((await agent.get('/api/audit')).status).toBe(403);
      expect((await agent.get('/api/settings')).status).toBe(403);
    }
    expect((await new Agent(ctx).get('/api/users')).status).toBe(401);
  });

  it('refuses a stale edit with 409 and keeps the other edit', async () => {
    const created = (await admin.post('/api/users', newPerson())).body.user;
    const first = await admin.patch(`/api/users/${created.id}`, { version: created.version, name: 'First Editor' });
    expect(first.status).toBe(200);
    expect(first.body.user.version).toBe(created.version + 1);
    const stale = await admin.patch(`/api/users/${created.id}`, { version: created.version, name: 'Second Editor' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await admin.get(`/api/users/${created.id}`)).body.user.name).toBe('First Editor');
  });

  it('lets exactly one of several concurrent edits from the same version win', async () => {
    const created = (await admin.post('/api/users', newPerson())).body.user;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        admin.patch(`/api/users/${created.id}`, { version: created.version, name: `Editor ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it('changes roles and ends that person’s sessions', async () => {
    const { agent, person } = await signedIn(ctx, 'support');
    const res = await admin.patch(`/api/users/${person.user.id}`, { version: person.user.version, role: 'compliance' });
    expect(res.body.user.role).toBe('compliance');
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('removes a person: personal data and sessions go, the audit trail stays whole', async () => {
    const { agent, person } = await signedIn(ctx, 'legal');
    const removed = await admin.delete(`/api/users/${person.user.id}?version=${person.user.version}`);
    expect(removed.status).toBe(200);
    expect(removed.body.user).toMatchObject({ email: null, name: null, status: 'removed' });
    const row = await ctx.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', person.user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: null, name: null, password_hash: null, totp_secret_enc: null });
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    const sessions = await ctx.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', person.user.id)
      .execute();
    expect(sessions).toHaveLength(0);
    const events = await ctx.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', person.user.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.created', 'auth.signed_in', 'user.removed']),
    );
    expect(JSON.stringify(events)).not.toContain(person.email);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
    const again = await new Agent(ctx).post('/api/auth/sign-in', { email: person.email, password: person.password });
    expect(again.status).toBe(401);
    // The email is free for a new person.
    expect((await admin.post('/api/users', newPerson({ email: person.email }))).status).toBe(201);
  });

  it('never leaves Docket without an active admin', async () => {
    const solo = await setupTestApp();
    const { agent, person } = await signedIn(solo, 'admin');
    const demote = await agent.patch(`/api/users/${person.user.id}`, { version: person.user.version, role: 'legal' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/at least one active admin/);
    const disable = await agent.patch(`/api/users/${person.user.id}`, {
      version: person.user.version,
      status: 'disabled',
    });
    expect(disable.status).toBe(409);
    expect((await agent.delete(`/api/users/${person.user.id}?version=${person.user.version}`)).status).toBe(409);
  });

  it('resets a person’s 2-step verification', async () => {
    const person = await makePerson(ctx, { role: 'legal', twoFactor: true });
    const res = await admin.patch(`/api/users/${person.user.id}`, {
      version: person.user.version,
      resetTwoFactor: true,
    });
    expect(res.body.user.twoFactorEnabled).toBe(false);
    const signIn = await new Agent(ctx).post('/api/auth/sign-in', { email: person.email, password: person.password });
    expect(signIn.body.me.next).toBe('done');
  });

  it('answers 404 for an unknown person and 400 for a malformed id', async () => {
    expect((await admin.get('/api/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await admin.get('/api/users/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('id');
  });
});
