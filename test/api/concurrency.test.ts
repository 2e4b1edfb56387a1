import { IDEMPOTENCY_KEY_LIFETIME_MS, pruneIdempotencyKeys } from '@docket/server/lib/idempotency';
import { verifyAuditChain } from '@docket/server/modules/audit/audit.service';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../support/agent';
import { legalRequestInput, makeAgency, makeLegalRequest, signedIn } from '../support/factories';
import { setupTestApp, type TestContext } from '../support/test-app';

let ctx: TestContext;
let legal: Agent;
let agencyId: string;

beforeAll(async () => {
  ctx = await setupTestApp();
  legal = (await signedIn(ctx, 'legal')).agent;
  agencyId = (await makeAgency(legal)).id;
});

describe('concurrency', () => {
  it('lets exactly one of 50 concurrent updates from the same version win, losing nothing', async () => {
    const request = await makeLegalRequest(legal, agencyId);
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        legal.patch(`/api/legal-requests/${request.id}`, { version: request.version, summary: `Edit number ${i}` }),
      ),
    );
    const winners = replies.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409 && r.body.error.code === 'version_conflict')).toHaveLength(49);
    const now = (await legal.get(`/api/legal-requests/${request.id}`)).body.request;
    expect(now.summary).toBe(winners[0]?.body.request.summary);
    expect(now.version).toBe(request.version + 1);
    const events = await ctx.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', request.id)
      .where('action', '=', 'legal_request.updated')
      .execute();
    expect(events).toHaveLength(1);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it('creates one record when the same Idempotency-Key arrives 100 times, 10 at once', async () => {
    const input = legalRequestInput(agencyId, { summary: 'Sent by a flaky client' });
    const ids = new Set<string>();
    for (let wave = 0; wave < 10; wave++) {
      const replies = await Promise.all(
        Array.from({ length: 10 }, () =>
          legal.request('POST', '/api/legal-requests', {
            json: input,
            headers: { 'idempotency-key': 'flaky-client-7' },
          }),
        ),
      );
      for (const r of replies) {
        expect(r.status).toBe(201);
        ids.add(r.body.request.id);
      }
    }
    expect(ids.size).toBe(1);
    const rows = await ctx.deps.db
      .selectFrom('legal_requests')
      .select('id')
      .where('summary', '=', 'Sent by a flaky client')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('keeps an answer for retries for a day, then forgets it', async () => {
    const input = legalRequestInput(agencyId, { summary: 'Retried the next day' });
    const send = () =>
      legal.request('POST', '/api/legal-requests', { json: input, headers: { 'idempotency-key': 'next-day-1' } });
    const first = await send();
    expect(first.status).toBe(201);
    const createdAt = Date.now();
    // An hour later it is still a retry; a day later the key is gone and the same call is a new request.
    expect(await pruneIdempotencyKeys(ctx.deps.db, new Date(createdAt + 60 * 60 * 1000))).toBe(0);
    expect((await send()).body.request.id).toBe(first.body.request.id);
    const pruned = await pruneIdempotencyKeys(ctx.deps.db, new Date(createdAt + IDEMPOTENCY_KEY_LIFETIME_MS + 60_000));
    expect(pruned).toBeGreaterThanOrEqual(1);
    const later = await send();
    expect(later.status).toBe(201);
    expect(later.body.request.id).not.toBe(first.body.request.id);
  });
});
