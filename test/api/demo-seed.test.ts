import { verifyAuditChain } from '@docket/server/modules/audit/audit.service';
import { readDemoSignIns, seedDemoIfEmpty } from '@docket/server/seed/demo.seed';
import { legalRequestStatuses } from '@docket/shared/legal-requests.schemas';
import { describe, expect, it } from 'vitest';
import { Agent } from '../support/agent';
import { setupTestApp } from '../support/test-app';

describe('demo data', () => {
  it('seeds the demo people once, with legal requests in every status, on an empty database', async () => {
    const ctx = await setupTestApp();
    const signIns = await seedDemoIfEmpty(ctx.deps);
    expect(signIns?.map((s) => s.role)).toEqual(['admin', 'legal', 'support', 'compliance']);
    expect(signIns?.filter((s) => s.totpSecret).map((s) => s.role)).toEqual(['admin']);
    expect(readDemoSignIns(ctx.deps)).toEqual(signIns);
    expect(await seedDemoIfEmpty(ctx.deps)).toBeNull();

    const legal = signIns?.find((s) => s.role === 'legal');
    const agent = new Agent(ctx);
    expect((await agent.post('/api/auth/sign-in', { email: legal?.email, password: legal?.password })).status).toBe(
      200,
    );
    const queue = await agent.get('/api/legal-requests?limit=200');
    const statuses = new Set(queue.body.requests.map((r: { status: string }) => r.status));
    expect([...statuses].sort()).toEqual([...legalRequestStatuses].sort());
    const assignable = await agent.get('/api/users/assignable');
    expect(assignable.body.people.map((p: { role: string }) => p.role).sort()).toEqual(['admin', 'legal']);
    expect(Object.keys(assignable.body.people[0]).sort()).toEqual(['id', 'name', 'role']);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });
});
