import { createDb, type DbHandle } from '@docket/db/create-db';
import { createApp } from '@docket/server/app';
import { sha256Hex } from '@docket/server/lib/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../test/support/agent';
import { signedIn } from '../../../../test/support/factories';
import { setupTestApp, type TestContext } from '../../../../test/support/test-app';
import { changesCachedSessions, openSessionCache } from './auth.session-cache';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const handles: DbHandle[] = [];
afterAll(async () => {
  await Promise.all(handles.map((h) => h.close()));
});

/**
 * A second Docket server on the same database, with a session cache of its own and, on PostgreSQL,
 * connections of its own: it hears of the first server's writes only from the database.
 */
async function secondServer(maxAgeMs?: number) {
  const handle = ctx.database.url ? createDb({ kind: 'postgres', url: ctx.database.url, poolSize: 2 }) : ctx.database;
  if (handle !== ctx.database) handles.push(handle);
  const sessionCache = await openSessionCache(handle, maxAgeMs);
  const app = createApp({ ...ctx.deps, db: handle.db, sessionCache });
  return { app, sessionCache };
}

/** The same browser (same cookies) talking to another server. */
function sameBrowserOn(server: { app: TestContext['app'] }, agent: Agent): Agent {
  const other = new Agent({ ...ctx, app: server.app });
  other.cookies = new Map(agent.cookies);
  return other;
}

/** The status of GET /api/auth/me once it is `want`, polling for up to 3 s (a NOTIFY arrives after its commit). */
async function meStatusBecomes(agent: Agent, want: number): Promise<number> {
  const deadline = Date.now() + 3000;
  let status = (await agent.get('/api/auth/me')).status;
  while (status !== want && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = (await agent.get('/api/auth/me')).status;
  }
  return status;
}

describe('session cache', () => {
  it('keeps a checked session for later requests, and reads it again once it is too old', async () => {
    const { agent } = await signedIn(ctx, 'legal');
    const server = await secondServer(300);
    const browser = sameBrowserOn(server, agent);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
    expect(server.sessionCache.size).toBe(1);
    // Removed behind every server's back: no trigger fires, so nothing tells the caches.
    await ctx.database.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`delete from sessions where id = ${sha256Hex(agent.sessionToken as string)}`.execute(trx);
    });
    expect((await browser.get('/api/auth/me')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await browser.get('/api/auth/me')).status).toBe(401);
  });

  it('drops a session on every server when one server signs it out', async () => {
    const { agent } = await signedIn(ctx, 'legal');
    const server = await secondServer();
    const browser = sameBrowserOn(server, agent);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
    expect(server.sessionCache.size).toBeGreaterThan(0);
    expect((await agent.post('/api/auth/sign-out')).status).toBeLessThan(300);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect(await meStatusBecomes(browser, 401)).toBe(401);
  });

  it('drops a session when its person is disabled by SQL that no server sent', async () => {
    const { agent, person } = await signedIn(ctx, 'support');
    const server = await secondServer();
    const browser = sameBrowserOn(server, agent);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    await sql`update users set status = 'disabled' where id = ${person.user.id}`.execute(ctx.database.db);
    expect(await meStatusBecomes(browser, 401)).toBe(401);
    expect(await meStatusBecomes(agent, 401)).toBe(401);
  });

  it('drops sessions when a role must now use 2-step verification', async () => {
    const { agent } = await signedIn(ctx, 'compliance');
    const server = await secondServer();
    const browser = sameBrowserOn(server, agent);
    expect((await browser.get('/api/auth/me')).body.me.next).toBe('done');
    await sql`update settings set require_two_factor_for = '{compliance}'`.execute(ctx.database.db);
    try {
      const deadline = Date.now() + 3000;
      let next = (await browser.get('/api/auth/me')).body.me.next;
      while (next === 'done' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        next = (await browser.get('/api/auth/me')).body.me.next;
      }
      expect(next).toBe('enroll');
    } finally {
      await sql`update settings set require_two_factor_for = '{}'`.execute(ctx.database.db);
    }
  });

  it('is emptied by writes to what a session is read from, not by the once-a-minute touch', () => {
    expect(changesCachedSessions({ table: 'sessions', kind: 'update', columns: ['last_active_at'] })).toBe(false);
    expect(changesCachedSessions({ table: 'sessions', kind: 'update', columns: ['two_factor_verified'] })).toBe(true);
    expect(changesCachedSessions({ table: 'sessions', kind: 'delete', columns: [] })).toBe(true);
    expect(changesCachedSessions({ table: 'sessions', kind: 'insert', columns: ['id', 'user_id'] })).toBe(false);
    expect(changesCachedSessions({ table: 'users', kind: 'update', columns: ['last_sign_in_at'] })).toBe(false);
    expect(changesCachedSessions({ table: 'users', kind: 'update', columns: ['role', 'version'] })).toBe(true);
    expect(changesCachedSessions({ table: 'settings', kind: 'update', columns: ['version'] })).toBe(true);
    expect(changesCachedSessions({ table: 'legal_requests', kind: 'delete', columns: [] })).toBe(false);
  });
});
