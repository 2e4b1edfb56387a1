import { sha256Hex } from '@docket/server/lib/crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../test/support/agent';
import { makePerson, nextTotpStep, signedIn, totpCode } from '../../../../test/support/factories';
import { setupTestApp, type TestContext } from '../../../../test/support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

// Each call a different address (a repeat would carry another test's failures into the per-address throttle).
let lastIp = 0;
const freshIp = () => {
  lastIp += 1;
  return `198.51.${100 + Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`;
};

async function auditCount() {
  const row = await ctx.deps.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('sign-in with a password', () => {
  it('sets an HttpOnly SameSite=Lax cookie and stores only the SHA-256 of the token', async () => {
    const person = await makePerson(ctx, { role: 'support' });
    const agent = new Agent(ctx, freshIp());
    const res = await agent.post('/api/auth/sign-in', { email: person.email.toUpperCase(), password: person.password });
    expect(res.status).toBe(200);
    expect(res.body.me).toMatchObject({ email: person.email, role: 'support', next: 'done', fullySignedIn: true });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('docket_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const token = agent.sessionToken as string;
    expect(token.length).toBeGreaterThanOrEqual(26); // 160 bits in base32
    const rows = await ctx.deps.db.selectFrom('sessions').selectAll().where('user_id', '=', person.user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(sha256Hex(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await agent.get('/api/auth/me')).body.me.id).toBe(person.user.id);
  });

  it('marks the cookie Secure when Docket is served over https', async () => {
    const https = await setupTestApp({ publicOrigin: 'https://docket.example', secureCookies: true });
    const person = await makePerson(https);
    const res = await new Agent(https).request('POST', '/api/auth/sign-in', {
      json: { email: person.email, password: person.password },
      origin: 'https://docket.example',
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('docket_session='))).toMatch(/Secure/);
  });

  it('answers a wrong password and an unknown email identically, and audits both without the email', async () => {
    const person = await makePerson(ctx);
    const wrong = await new Agent(ctx, freshIp()).post('/api/auth/sign-in', {
      email: person.email,
      password: 'not the password',
    });
    const unknown = await new Agent(ctx, freshIp()).post('/api/auth/sign-in', {
      email: 'nobody-here@example.test',
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (b: { error: { requestId?: string } }) => ({ ...b.error, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    const events = await ctx.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'auth.sign_in_failed')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(events)).not.toContain('nobody-here');
    expect(JSON.stringify(events)).not.toContain(person.email);
  });

  it('throttles one account with growing delays, for unknown accounts too', async () => {
    const person = await makePerson(ctx);
    const attempt = (password: string) =>
      new Agent(ctx, freshIp()).post('/api/auth/sign-in', { email: person.email, password });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong password')).status).toBe(401);
    expect((await attempt('wrong password')).status).toBe(401); // 5th failure locks for 1 s
    const locked = await attempt(person.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too_many_attempts');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    ctx.clock.advance(1_100);
    expect((await attempt('wrong password')).status).toBe(401); // 6th failure: 2 s
    const second = await attempt(person.password);
    expect(second.status).toBe(429);
    expect(second.body.error.retryAfterSeconds).toBe(2);
    ctx.clock.advance(2_100);
    expect((await attempt(person.password)).status).toBe(200);

    const ghost = (password: string) =>
      new Agent(ctx, freshIp()).post('/api/auth/sign-in', { email: 'ghost@example.test', password });
    for (let i = 0; i < 5; i++) expect((await ghost('x')).status).toBe(401);
    expect((await ghost('x')).status).toBe(429);
  });

  it('throttles one address spraying many accounts', async () => {
    const ip = freshIp();
    let first429 = -1;
    for (let i = 0; i < 22; i++) {
      const res = await new Agent(ctx, ip).post('/api/auth/sign-in', {
        email: `spray${i}@example.test`,
        password: 'guess',
      });
      if (res.status === 429 && first429 < 0) first429 = i;
    }
    expect(first429).toBe(20);
    ctx.clock.advance(60_000);
  });

  it('refuses a disabled person only after a correct password', async () => {
    const { agent: admin } = await signedIn(ctx, 'admin');
    const { agent, person } = await signedIn(ctx, 'legal');
    const disabled = await admin.patch(`/api/users/${person.user.id}`, {
      version: person.user.version,
      status: 'disabled',
    });
    expect(disabled.status).toBe(200);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    const again = await new Agent(ctx, freshIp()).post('/api/auth/sign-in', {
      email: person.email,
      password: person.password,
    });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('account_disabled');
  });
});

describe('sessions', () => {
  it('ends on sign-out, on the server: the old token no longer works', async () => {
    const { agent } = await signedIn(ctx, 'legal');
    const token = agent.sessionToken as string;
    expect((await agent.post('/api/auth/sign-out')).status).toBe(204);
    const replay = new Agent(ctx);
    replay.cookies.set('docket_session', token);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('expires after 30 idle minutes', async () => {
    const { agent } = await signedIn(ctx, 'legal');
    ctx.clock.advance(29 * 60 * 1000);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    ctx.clock.advance(29 * 60 * 1000);
    expect((await agent.get('/api/auth/me')).status).toBe(200); // activity moved the idle deadline
    ctx.clock.advance(31 * 60 * 1000);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('expires 12 hours after sign-in however active', async () => {
    const { agent } = await signedIn(ctx, 'legal');
    for (let i = 0; i < 35; i++) {
      ctx.clock.advance(20 * 60 * 1000);
      expect((await agent.get('/api/auth/me')).status).toBe(200);
    }
    ctx.clock.advance(60 * 60 * 1000 + 1);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('gives a new token at every sign-in (no fixation) and ends the earlier one', async () => {
    const person = await makePerson(ctx);
    const agent = new Agent(ctx, freshIp());
    await agent.post('/api/auth/sign-in', { email: person.email, password: person.password });
    const first = agent.sessionToken;
    await agent.post('/api/auth/sign-in', { email: person.email, password: person.password });
    expect(agent.sessionToken).not.toBe(first);
    const old = new Agent(ctx);
    old.cookies.set('docket_session', first as string);
    expect((await old.get('/api/auth/me')).status).toBe(401);
  });

  it('lets a person see and end their own sessions, but not anyone else', async () => {
    const person = await makePerson(ctx);
    const laptop = new Agent(ctx, freshIp());
    const phone = new Agent(ctx, freshIp());
    await laptop.post('/api/auth/sign-in', { email: person.email, password: person.password });
    await phone.post('/api/auth/sign-in', { email: person.email, password: person.password });
    const list = await laptop.get('/api/auth/sessions');
    expect(list.body.sessions).toHaveLength(2);
    const other = list.body.sessions.find((s: { current: boolean }) => !s.current);
    const { agent: stranger } = await signedIn(ctx, 'support');
    expect((await stranger.delete(`/api/auth/sessions/${other.id}`)).status).toBe(404);
    expect((await phone.get('/api/auth/me')).status).toBe(200);
    expect((await laptop.delete(`/api/auth/sessions/${other.id}`)).status).toBe(204);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
  });

  it('ends the other sessions when a person changes their password', async () => {
    const person = await makePerson(ctx);
    const a = new Agent(ctx, freshIp());
    const b = new Agent(ctx, freshIp());
    await a.post('/api/auth/sign-in', { email: person.email, password: person.password });
    await b.post('/api/auth/sign-in', { email: person.email, password: person.password });
    const bad = await a.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'a much longer new password',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('currentPassword');
    const short = await a.post('/api/auth/password', { currentPassword: person.password, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.issues[0].path).toBe('newPassword');
    const ok = await a.post('/api/auth/password', {
      currentPassword: person.password,
      newPassword: 'a much longer new password',
    });
    expect(ok.status).toBe(204);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect((await a.get('/api/auth/me')).status).toBe(200);
  });
});

describe('2-step verification', () => {
  it('keeps a half-signed-in session away from everything but the second step', async () => {
    const person = await makePerson(ctx, { role: 'admin', twoFactor: true });
    const agent = new Agent(ctx, freshIp());
    const res = await agent.post('/api/auth/sign-in', { email: person.email, password: person.password });
    expect(res.body.me).toMatchObject({ next: 'verify', fullySignedIn: false });
    const users = await agent.get('/api/users');
    expect(users.status).toBe(403);
    expect(users.body.error.code).toBe('two_factor_required');
    expect((await agent.get('/api/auth/sessions')).status).toBe(403);
    expect((await agent.get('/api/audit')).status).toBe(403);
    const before = agent.sessionToken;
    nextTotpStep(ctx);
    const wrongCode = totpCode(ctx, person.totpKey as Uint8Array, 5);
    const wrong = await agent.post('/api/auth/second-step', { code: wrongCode });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_code');
    const ok = await agent.post('/api/auth/second-step', { code: totpCode(ctx, person.totpKey as Uint8Array) });
    expect(ok.status).toBe(200);
    expect(ok.body.me.fullySignedIn).toBe(true);
    expect(agent.sessionToken).not.toBe(before);
    expect((await agent.get('/api/users')).status).toBe(200);
  });

  it('refuses a code replayed within its time step', async () => {
    const person = await makePerson(ctx, { role: 'legal', twoFactor: true });
    nextTotpStep(ctx);
    const code = totpCode(ctx, person.totpKey as Uint8Array);
    const first = new Agent(ctx, freshIp());
    await first.post('/api/auth/sign-in', { email: person.email, password: person.password });
    expect((await first.post('/api/auth/second-step', { code })).status).toBe(200);
    const second = new Agent(ctx, freshIp());
    await second.post('/api/auth/sign-in', { email: person.email, password: person.password });
    const replay = await second.post('/api/auth/second-step', { code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toMatch(/already been used/);
    // An earlier step's code is a replay too once a later one was used.
    const older = await second.post('/api/auth/second-step', { code: totpCode(ctx, person.totpKey as Uint8Array, -1) });
    expect(older.status).toBe(401);
  });

  it('enrols with a QR code, stores the key encrypted, and accepts each recovery code once', async () => {
    const { agent, person } = await signedIn(ctx, 'support');
    const start = await agent.post('/api/auth/two-factor/enrollment');
    expect(start.status).toBe(200);
    expect(start.body.qrSvg).toContain('<svg');
    expect(start.body.uri).toMatch(/^otpauth:\/\/totp\/Docket:/);
    const { decodeBase32IgnorePadding } = await import('@oslojs/encoding');
    const key = decodeBase32IgnorePadding(start.body.secret);
    nextTotpStep(ctx);
    const confirm = await agent.post('/api/auth/two-factor/enrollment/confirm', { code: totpCode(ctx, key) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect(confirm.body.me.twoFactorEnabled).toBe(true);
    const row = await ctx.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', person.user.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret_enc).toMatch(/^v1\./);
    expect(row.totp_secret_enc).not.toContain(start.body.secret);
    const codes = await ctx.deps.db
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('user_id', '=', person.user.id)
      .execute();
    expect(codes).toHaveLength(10);
    expect(JSON.stringify(codes)).not.toContain(confirm.body.recoveryCodes[0]);

    const recovery = confirm.body.recoveryCodes[0] as string;
    const viaRecovery = new Agent(ctx, freshIp());
    await viaRecovery.post('/api/auth/sign-in', { email: person.email, password: person.password });
    expect((await viaRecovery.post('/api/auth/second-step', { recoveryCode: recovery.toLowerCase() })).status).toBe(
      200,
    );
    const reuse = new Agent(ctx, freshIp());
    await reuse.post('/api/auth/sign-in', { email: person.email, password: person.password });
    expect((await reuse.post('/api/auth/second-step', { recoveryCode: recovery })).status).toBe(401);
  });

  it('makes people of a required role enrol before anything else', async () => {
    const { agent: admin } = await signedIn(ctx, 'admin');
    const settings = await admin.get('/api/settings');
    const put = await admin.put('/api/settings', {
      version: settings.body.version,
      requireTwoFactorFor: ['compliance'],
    });
    expect(put.status).toBe(200);
    const person = await makePerson(ctx, { role: 'compliance' });
    const agent = new Agent(ctx, freshIp());
    const res = await agent.post('/api/auth/sign-in', { email: person.email, password: person.password });
    expect(res.body.me.next).toBe('enroll');
    const blocked = await agent.get('/api/auth/sessions');
    expect(blocked.body.error.code).toBe('two_factor_enrollment_required');
    const start = await agent.post('/api/auth/two-factor/enrollment');
    const { decodeBase32IgnorePadding } = await import('@oslojs/encoding');
    nextTotpStep(ctx);
    const code = totpCode(ctx, decodeBase32IgnorePadding(start.body.secret));
    expect((await agent.post('/api/auth/two-factor/enrollment/confirm', { code })).status).toBe(200);
    expect((await agent.get('/api/auth/sessions')).status).toBe(200);
    nextTotpStep(ctx);
    const disable = await agent.post('/api/auth/two-factor/disable', {
      code: totpCode(ctx, decodeBase32IgnorePadding(start.body.secret)),
    });
    expect(disable.status).toBe(409);
    const reset = await admin.get('/api/settings');
    await admin.put('/api/settings', { version: reset.body.version, requireTwoFactorFor: [] });
  });

  it('throttles wrong codes', async () => {
    const person = await makePerson(ctx, { role: 'legal', twoFactor: true });
    const agent = new Agent(ctx, freshIp());
    await agent.post('/api/auth/sign-in', { email: person.email, password: person.password });
    nextTotpStep(ctx);
    const wrong = totpCode(ctx, person.totpKey as Uint8Array, 10);
    for (let i = 0; i < 5; i++) expect((await agent.post('/api/auth/second-step', { code: wrong })).status).toBe(401);
    const locked = await agent.post('/api/auth/second-step', { code: totpCode(ctx, person.totpKey as Uint8Array) });
    expect(locked.status).toBe(429);
    ctx.clock.advance(1_100);
    expect(
      (await agent.post('/api/auth/second-step', { code: totpCode(ctx, person.totpKey as Uint8Array) })).status,
    ).toBe(200);
  });
});

describe('request hygiene', () => {
  it('refuses state-changing requests without our Origin, changing nothing', async () => {
    const person = await makePerson(ctx);
    const before = await auditCount();
    for (const origin of [null, 'http://evil.test']) {
      const res = await new Agent(ctx, freshIp()).request('POST', '/api/auth/sign-in', {
        json: { email: person.email, password: person.password },
        origin,
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('origin_mismatch');
    }
    expect(await auditCount()).toBe(before);
  });

  it('answers 415 to a body that is not JSON, 400 to broken JSON, and names unknown fields', async () => {
    const agent = new Agent(ctx, freshIp());
    const form = await agent.request('POST', '/api/auth/sign-in', {
      body: 'email=a@b.c&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
    const broken = await agent.request('POST', '/api/auth/sign-in', {
      body: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
    const extra = await agent.post('/api/auth/sign-in', { email: 'a@example.test', password: 'x', isAdmin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.issues[0].path).toBe('isAdmin');
    const badEmail = await agent.post('/api/auth/sign-in', { email: 'not-an-email', password: 'x' });
    expect(badEmail.body.error.issues[0]).toMatchObject({ path: 'email', message: 'Enter a valid email address' });
  });

  it('never writes passwords, tokens, codes or emails to the log', async () => {
    const person = await makePerson(ctx, { role: 'admin', twoFactor: true });
    const agent = new Agent(ctx, freshIp());
    await agent.post('/api/auth/sign-in', { email: person.email, password: person.password });
    nextTotpStep(ctx);
    const code = totpCode(ctx, person.totpKey as Uint8Array);
    await agent.post('/api/auth/second-step', { code });
    await agent.post('/api/auth/sign-in', { email: person.email, password: 'canary-wrong-password-123' });
    const logs = ctx.logLines.join('\n');
    expect(logs).toContain('/api/auth/sign-in');
    for (const secret of [
      person.password,
      person.email,
      'canary-wrong-password-123',
      agent.sessionToken as string,
      code,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
