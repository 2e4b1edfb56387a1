import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../../test/support/agent';
import { signedIn } from '../../../../test/support/factories';
import { setupTestApp, type TestContext } from '../../../../test/support/test-app';
import { recordAuditAlone, verifyAuditChain } from './audit.service';

let ctx: TestContext;
let admin: Agent;
beforeAll(async () => {
  ctx = await setupTestApp();
  admin = (await signedIn(ctx, 'admin')).agent;
});

const system = { userId: null, requestId: 'test' };

describe('audit trail', () => {
  it('keeps a gap-free chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        recordAuditAlone(ctx.deps.db, ctx.clock, system, {
          action: 'test.concurrent',
          entityType: 'test',
          entityId: String(i),
        }),
      ),
    );
    const seqs = (await ctx.deps.db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map(
      (r) => r.seq,
    );
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const result = await verifyAuditChain(ctx.deps.db);
    expect(result).toMatchObject({ ok: true, checked: seqs.length, firstBrokenSeq: null });
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await expect(sql`update audit_events set action = 'x' where seq = 1`.execute(ctx.deps.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events where seq = 1`.execute(ctx.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(ctx.deps.db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it('lets admins page through events and filter them', async () => {
    const page = await admin.get('/api/audit?limit=5');
    expect(page.status).toBe(200);
    expect(page.body.events).toHaveLength(5);
    const next = await admin.get(`/api/audit?limit=5&before=${page.body.nextBefore}`);
    expect(next.body.events[0].seq).toBe(page.body.nextBefore - 1);
    const filtered = await admin.get('/api/audit?action=test.concurrent&limit=100');
    expect(filtered.body.events).toHaveLength(25);
    expect((await admin.get('/api/audit?limit=0')).status).toBe(400);
    expect((await admin.get('/api/audit?bogus=1')).body.error.issues[0].path).toBe('bogus');
  });

  it('verifies through the API and the verification is itself audited', async () => {
    const res = await admin.post('/api/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    const last = await admin.get('/api/audit?limit=1');
    expect(last.body.events[0].action).toBe('audit.verified');
  });

  // Runs last in this file: it breaks the chain on purpose.
  it('names the exact sequence number where a tampered or deleted event breaks the chain', async () => {
    await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(ctx.deps.db);
    await sql`update audit_events set changes = '{"tampered": true}'::jsonb where seq = 7`.execute(ctx.deps.db);
    let result = await verifyAuditChain(ctx.deps.db);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 7, checked: 6 });
    expect(result.problem).toMatch(/altered/);

    await sql`delete from audit_events where seq = 3`.execute(ctx.deps.db);
    result = await verifyAuditChain(ctx.deps.db);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 3 });
    expect(result.problem).toMatch(/missing/);
    await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(ctx.deps.db);
    const api = await admin.post('/api/audit/verify');
    expect(api.body).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });
});
