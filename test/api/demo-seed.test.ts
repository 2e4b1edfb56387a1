import { verifyAuditChain } from '@docket/server/modules/audit/audit.service';
import { readDemoSignIns, seedDemoIfEmpty } from '@docket/server/seed/demo.seed';
import { complaintStatuses } from '@docket/shared/complaints.schemas';
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
    const support = signIns?.find((s) => s.role === 'support');
    const supportAgent = new Agent(ctx);
    await supportAgent.post('/api/auth/sign-in', { email: support?.email, password: support?.password });
    const complaints = (await supportAgent.get('/api/complaints?view=all&limit=200')).body.complaints as {
      id: string;
      status: string;
      escalated: boolean;
    }[];
    expect([...new Set(complaints.map((c) => c.status))].sort()).toEqual([...complaintStatuses].sort());
    const escalatedIds = complaints.filter((c) => c.escalated).map((c) => c.id);
    const regulatorsUsed = new Set<string>();
    for (const id of escalatedIds) {
      const view = (await supportAgent.get(`/api/complaints/${id}`)).body.complaint as {
        escalations: { regulatorId: string }[];
      };
      for (const e of view.escalations) regulatorsUsed.add(e.regulatorId);
    }
    expect(regulatorsUsed.size).toBeGreaterThanOrEqual(4);
    const assignable = await agent.get('/api/users/assignable');
    expect(assignable.body.people.map((p: { role: string }) => p.role).sort()).toEqual(['admin', 'legal']);
    expect(Object.keys(assignable.body.people[0]).sort()).toEqual(['id', 'name', 'role']);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });
});
