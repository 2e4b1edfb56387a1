import { createHash } from 'node:crypto';
import { verifyAuditChain } from '@docket/server/modules/audit/audit.service';
import { beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../test/support/agent';
import { legalRequestInput, makeAgency, makeLegalRequest, signedIn } from '../../../../test/support/factories';
import { setupTestApp, type TestContext } from '../../../../test/support/test-app';

let ctx: TestContext;
let legal: Agent;
let legalId: string;
let agencyId: string;

beforeAll(async () => {
  ctx = await setupTestApp();
  const signed = await signedIn(ctx, 'legal');
  legal = signed.agent;
  legalId = signed.person.user.id;
  agencyId = (await makeAgency(legal, { name: 'Federal Bureau of Investigation' })).id;
});

async function counts() {
  const count = async (table: 'legal_requests' | 'audit_events' | 'pushbacks' | 'legal_request_identifiers') =>
    Number(
      (
        await ctx.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    requests: await count('legal_requests'),
    audit: await count('audit_events'),
    pushbacks: await count('pushbacks'),
    identifiers: await count('legal_request_identifiers'),
  };
}

const act = (id: string, path: string, json: unknown, method: 'POST' | 'PUT' = 'POST') =>
  legal.request(method, `/api/legal-requests/${id}${path}`, { json });

describe('intake', () => {
  it('records a request with a yearly reference, a computed due date and the original scope', async () => {
    const first = await makeLegalRequest(legal, agencyId, { receivedAt: '2025-11-25T15:30:00Z' });
    const second = await makeLegalRequest(legal, agencyId, { receivedAt: '2025-12-01T09:00:00Z' });
    expect(first.reference).toMatch(/^LR-2025-\d{5}$/);
    expect(Number(second.reference.slice(-5))).toBe(Number(first.reference.slice(-5)) + 1);
    // Subpoena rule: 10 US business days; 26 Nov 2025 is not in the seeded 2026–27 holidays, so plain weekdays.
    expect(first.dueAt).toBe('2025-12-09T15:30:00.000Z');
    expect(first.status).toBe('received');
    expect(first.allowedTransitions).toEqual(['in_review', 'withdrawn', 'rejected']);
    expect(first.originalScope.dataCategories).toEqual(['subscriber']);
    expect(first.originalScope.identifierIds).toHaveLength(2);
    expect(first.clocks.map((c: { kind: string }) => c.kind)).toEqual(['response_due']);
    const thanksgiving = await makeLegalRequest(legal, agencyId, { receivedAt: '2026-11-25T15:30:00Z' });
    expect(thanksgiving.dueAt).toBe('2026-12-10T15:30:00.000Z'); // skips Thu 26 Nov 2026
  });

  it('flags asking for more than the process reaches, at intake and in review', async () => {
    const subpoena = await makeLegalRequest(legal, agencyId, { dataCategories: ['subscriber', 'content'] });
    expect(subpoena.ladderExcess).toEqual(['content']);
    expect(subpoena.ladderExceeded).toBe(true);
    const warrant = await makeLegalRequest(legal, agencyId, {
      processType: 'search_warrant',
      dataCategories: ['content'],
    });
    expect(warrant.ladderExcess).toEqual([]);
    const event = await ctx.deps.db
      .selectFrom('audit_events')
      .select('changes')
      .where('entity_id', '=', subpoena.id)
      .where('action', '=', 'legal_request.created')
      .executeTakeFirstOrThrow();
    expect(event.changes.ladderExcess).toEqual(['content']);
    expect(JSON.stringify(event.changes)).not.toContain('@mail.example'); // identifiers are personal data
    const queue = await legal.get(`/api/legal-requests?limit=200`);
    const row = queue.body.requests.find((r: { id: string }) => r.id === subpoena.id);
    expect(row.ladderExceeded).toBe(true);
  });

  it('rejects bad input naming the fields, and writes nothing', async () => {
    const before = await counts();
    const res = await legal.post('/api/legal-requests', {
      ...legalRequestInput(agencyId),
      processType: 'letter',
      country: 'USA',
      receivedAt: 'yesterday',
      identifiers: [],
      dateRangeStart: '2026-02-01',
      dateRangeEnd: '2026-01-01',
      nondisclosure: { kind: 'until' },
      surprise: true,
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['processType', 'country', 'receivedAt', 'identifiers', 'surprise']));
    const unknownAgency = await legal.post(
      '/api/legal-requests',
      legalRequestInput('00000000-0000-4000-8000-000000000000'),
    );
    expect(unknownAgency.status).toBe(400);
    expect(unknownAgency.body.error.issues[0].path).toBe('agencyId');
    const ndo = await legal.post('/api/legal-requests', {
      ...legalRequestInput(agencyId),
      nondisclosure: { kind: 'until', until: '2027-01-01' },
    });
    expect(ndo.status).toBe(400);
    expect(ndo.body.error.issues[0].path).toBe('nondisclosure.statute');
    expect(await counts()).toEqual(before);
  });

  it('creates once per Idempotency-Key, even when the retries race', async () => {
    const before = await counts();
    const input = legalRequestInput(agencyId);
    const send = () =>
      legal.request('POST', '/api/legal-requests', { json: input, headers: { 'idempotency-key': 'intake-42' } });
    const replies = await Promise.all(Array.from({ length: 10 }, send));
    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(new Set(replies.map((r) => r.body.request.id)).size).toBe(1);
    const again = await send();
    expect(again.body.request.id).toBe(replies[0]?.body.request.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const after = await counts();
    expect(after.requests).toBe(before.requests + 1);
    expect(after.audit).toBe(before.audit + 1);
    const misuse = await legal.request('POST', '/api/legal-requests', {
      json: { ...input, summary: 'A different request' },
      headers: { 'idempotency-key': 'intake-42' },
    });
    expect(misuse.status).toBe(409);
  });

  it('keeps legal requests from support, compliance and strangers', async () => {
    const request = await makeLegalRequest(legal, agencyId);
    for (const role of ['support', 'compliance'] as const) {
      const { agent } = await signedIn(ctx, role);
      expect((await agent.get('/api/legal-requests')).status).toBe(403);
      expect((await agent.get(`/api/legal-requests/${request.id}`)).status).toBe(403);
      expect((await agent.post('/api/legal-requests', legalRequestInput(agencyId))).status).toBe(403);
      expect((await agent.get('/api/agencies')).status).toBe(403);
    }
    expect((await new Agent(ctx).get(`/api/legal-requests/${request.id}`)).status).toBe(401);
    const { agent: admin } = await signedIn(ctx, 'admin');
    expect((await admin.get(`/api/legal-requests/${request.id}`)).status).toBe(200);
  });
});

describe('workflow', () => {
  it('refuses moves the workflow does not allow, with the allowed ones, changing nothing', async () => {
    const request = await makeLegalRequest(legal, agencyId);
    const before = await counts();
    const jump = await act(request.id, '/transitions', { version: request.version, to: 'closed' });
    expect(jump.status).toBe(409);
    expect(jump.body.error).toMatchObject({
      code: 'invalid_transition',
      allowed: ['in_review', 'withdrawn', 'rejected'],
    });
    const noReason = await act(request.id, '/transitions', { version: request.version, to: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe('reason');
    const decideEarly = await act(
      request.id,
      '/decision',
      { version: request.version, disposition: 'produced', reason: 'x' },
      'PUT',
    );
    expect(decideEarly.status).toBe(409);
    expect(await counts()).toEqual(before);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it('refuses a stale update with 409 and keeps the newer one', async () => {
    const request = await makeLegalRequest(legal, agencyId);
    const first = await legal.patch(`/api/legal-requests/${request.id}`, {
      version: request.version,
      summary: 'First edit',
    });
    expect(first.status).toBe(200);
    const before = await counts();
    const stale = await legal.patch(`/api/legal-requests/${request.id}`, {
      version: request.version,
      summary: 'Second edit',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await legal.get(`/api/legal-requests/${request.id}`)).body.request.summary).toBe('First edit');
    expect(await counts()).toEqual(before);
  });

  it('lets one of many concurrent moves from the same version win', async () => {
    const request = await makeLegalRequest(legal, agencyId);
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => act(request.id, '/transitions', { version: request.version, to: 'in_review' })),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(9);
  });

  it('takes a request through pushback, narrowing, partial production, notice and closing', async () => {
    let r = await makeLegalRequest(legal, agencyId, {
      dataCategories: ['subscriber', 'non_content'],
      processType: 'court_order',
    });
    const [keep, drop] = r.identifiers;
    r = (await act(r.id, '/transitions', { version: r.version, to: 'in_review' })).body.request;
    r = (await act(r.id, '/notes', { kind: 'scope', body: 'Only the email account is ours.' })).body.request;
    const opened = await act(r.id, '/pushbacks', {
      version: r.version,
      grounds: ['overbroad'],
      asked: 'All records for two accounts',
      proposed: 'Subscriber records for the email account only',
    });
    expect(opened.status).toBe(201);
    r = opened.body.request;
    expect(r.status).toBe('pushback');
    const resolved = await act(r.id, '/pushbacks/resolution', {
      version: r.version,
      requesterReply: 'Agreed: subscriber records for the email only.',
      outcome: 'narrowed',
      narrowedScope: { dataCategories: ['subscriber'], identifierIds: [keep.id] },
    });
    expect(resolved.status).toBe(200);
    r = resolved.body.request;
    expect(r.status).toBe('in_review');
    expect(r.dataCategories).toEqual(['subscriber']);
    expect(r.originalScope.dataCategories).toEqual(['subscriber', 'non_content']);
    expect(r.identifiers.find((i: { id: string }) => i.id === drop.id).inScope).toBe(false);
    expect(r.pushbacks[0]).toMatchObject({ outcome: 'narrowed', grounds: ['overbroad'] });
    expect(r.pushbacks[0].scopeBefore.identifierIds).toHaveLength(2);
    expect(r.pushbacks[0].scopeAfter.identifierIds).toEqual([keep.id]);

    const widen = await act(r.id, '/decision', { version: r.version, disposition: 'bogus', reason: 'x' }, 'PUT');
    expect(widen.status).toBe(400);
    r = (
      await act(
        r.id,
        '/decision',
        { version: r.version, disposition: 'partial', reason: 'Subscriber data only' },
        'PUT',
      )
    ).body.request;
    expect(r.status).toBe('decided');

    const file = Buffer.from('name,email\nJane,jane@mail.example\n');
    const upload = await legal.request(
      'POST',
      `/api/legal-requests/${r.id}/attachments?kind=production&filename=production.csv`,
      {
        body: file as unknown as string,
        headers: { 'content-type': 'text/csv' },
      },
    );
    expect(upload.status).toBe(201);
    expect(upload.body.attachment.sha256).toBe(createHash('sha256').update(file).digest('hex'));

    const missing = await act(
      r.id,
      '/response',
      {
        version: r.version,
        sentAt: '2026-03-10T12:00:00Z',
        method: 'secure_portal',
        producedCategories: ['subscriber'],
        outcomes: [],
      },
      'PUT',
    );
    expect(missing.status).toBe(400);
    const tooMuch = await act(
      r.id,
      '/response',
      {
        version: r.version,
        sentAt: '2026-03-10T12:00:00Z',
        method: 'secure_portal',
        producedCategories: ['content'],
        outcomes: [{ identifierId: keep.id, outcome: 'produced' }],
      },
      'PUT',
    );
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.issues[0].path).toBe('producedCategories');
    const responded = await act(
      r.id,
      '/response',
      {
        version: r.version,
        sentAt: '2026-03-10T12:00:00Z',
        method: 'secure_portal',
        producedCategories: ['subscriber'],
        outcomes: [{ identifierId: keep.id, outcome: 'partial' }],
      },
      'PUT',
    );
    expect(responded.status).toBe(200);
    r = responded.body.request;
    expect(r.status).toBe('responded');
    expect(r.identifiers.find((i: { id: string }) => i.id === keep.id).outcome).toBe('partial');
    expect(r.attachments[0]).toMatchObject({ kind: 'production', filename: 'production.csv' });

    const closeEarly = await act(r.id, '/transitions', { version: r.version, to: 'closed' });
    expect(closeEarly.status).toBe(409);
    r = (
      await act(
        r.id,
        '/notice',
        { version: r.version, decision: 'notify', reason: 'No order', notifiedAt: '2026-03-11T09:00:00Z' },
        'PUT',
      )
    ).body.request;
    const closed = await act(r.id, '/transitions', { version: r.version, to: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body.request.status).toBe('closed');
    expect(closed.body.request.allowedTransitions).toEqual([]);

    const download = await legal.request('GET', `/api/legal-requests/${r.id}/attachments/${r.attachments[0].id}`);
    expect(download.body).toBe(file.toString());
    const actions = (
      await ctx.deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', r.id)
        .orderBy('seq')
        .execute()
    ).map((e) => e.action);
    expect(actions).toEqual([
      'legal_request.created',
      'legal_request.transitioned',
      'legal_request.note_added',
      'legal_request.pushback_opened',
      'legal_request.pushback_resolved',
      'legal_request.decided',
      'attachment.added',
      'legal_request.responded',
      'legal_request.notice_decided',
      'legal_request.transitioned',
    ]);
    const history = await legal.get(`/api/legal-requests/${r.id}/history`);
    expect(history.body.events.map((e: { action: string }) => e.action).reverse()).toEqual(actions);
    expect(history.body.events[0].actorName).toMatch(/Test Person/);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it('reopens a decision only with a reason, and withdraws with a reason', async () => {
    let r = await makeLegalRequest(legal, agencyId);
    r = (await act(r.id, '/transitions', { version: r.version, to: 'in_review' })).body.request;
    r = (await act(r.id, '/decision', { version: r.version, disposition: 'none', reason: 'No data' }, 'PUT')).body
      .request;
    expect((await act(r.id, '/transitions', { version: r.version, to: 'in_review' })).status).toBe(400);
    r = (await act(r.id, '/transitions', { version: r.version, to: 'in_review', reason: 'New facts' })).body.request;
    expect(r.status).toBe('in_review');
    expect(r.decision).toBeNull();
    expect(r.notes.at(-1).body).toBe('In review: New facts');
    r = (await act(r.id, '/transitions', { version: r.version, to: 'withdrawn', reason: 'Agency withdrew' })).body
      .request;
    expect(r.status).toBe('withdrawn');
  });
});

describe('clocks', () => {
  it('tracks preservation expiry, one extension only', async () => {
    let r = await makeLegalRequest(legal, agencyId, {
      processType: 'preservation',
      dataCategories: [],
      receivedAt: '2026-01-05T10:00:00Z',
    });
    expect(r.preservation).toEqual({ expiresAt: '2026-04-05T10:00:00.000Z', extended: false });
    expect(r.clocks.map((c: { kind: string }) => c.kind)).toContain('preservation_expiry');
    r = (await act(r.id, '/preservation/extension', { version: r.version })).body.request;
    expect(r.preservation).toEqual({ expiresAt: '2026-07-04T10:00:00.000Z', extended: true });
    const twice = await act(r.id, '/preservation/extension', { version: r.version });
    expect(twice.status).toBe(409);
  });

  it('brings a delayed notice back when the nondisclosure order ends', async () => {
    let r = await makeLegalRequest(legal, agencyId, {
      receivedAt: '2026-01-05T10:00:00Z',
      dueAt: '2099-12-31T00:00:00Z',
      nondisclosure: { kind: 'until', until: '2099-03-02', statute: '18 U.S.C. 2705(b)' },
    });
    r = (await act(r.id, '/transitions', { version: r.version, to: 'in_review' })).body.request;
    r = (await act(r.id, '/decision', { version: r.version, disposition: 'none', reason: 'Nothing held' }, 'PUT')).body
      .request;
    const gagged = await act(r.id, '/notice', { version: r.version, decision: 'notify', reason: 'x' }, 'PUT');
    expect(gagged.status).toBe(409);
    r = (await act(r.id, '/notice', { version: r.version, decision: 'delay', reason: 'Order in force' }, 'PUT')).body
      .request;
    const notice = r.clocks.find((c: { kind: string }) => c.kind === 'notice_due');
    expect(notice.dueAt).toBe('2099-03-09T00:00:00.000Z'); // order ends Mon 2 Mar 2099 + 5 business days
    const order = r.clocks.find((c: { kind: string }) => c.kind === 'nondisclosure_expiry');
    expect(order.state).toBe('pending');

    const saved = ctx.clock.now();
    // Far in the future: a reviewer who signs in then (this file's own session would have expired).
    try {
      ctx.clock.set(new Date('2099-03-03T00:00:00Z'));
      const { agent: later } = await signedIn(ctx, 'legal');
      const dueSoon = await later.get('/api/legal-requests?view=due_soon&limit=200');
      expect(dueSoon.body.requests.map((x: { id: string }) => x.id)).toContain(r.id);
      ctx.clock.set(new Date('2099-03-10T00:00:00Z'));
      const { agent: week } = await signedIn(ctx, 'legal');
      const overdue = await week.get('/api/legal-requests?view=overdue&limit=200');
      expect(overdue.body.requests.map((x: { id: string }) => x.id)).toContain(r.id);
    } finally {
      ctx.clock.set(saved);
    }
  });

  it('expects follow-up process for an emergency request before it closes', async () => {
    let r = await makeLegalRequest(legal, agencyId, {
      processType: 'emergency',
      emergency: true,
      receivedAt: '2026-02-01T22:00:00Z',
    });
    expect(r.dueAt).toBe('2026-02-02T02:00:00.000Z'); // 4 hours
    expect(r.followUp).toEqual({ dueAt: '2026-02-15T22:00:00.000Z', receivedAt: null });
    r = (await act(r.id, '/transitions', { version: r.version, to: 'in_review' })).body.request;
    r = (
      await act(r.id, '/decision', { version: r.version, disposition: 'produced', reason: 'Imminent danger' }, 'PUT')
    ).body.request;
    r = (
      await act(
        r.id,
        '/response',
        {
          version: r.version,
          sentAt: '2026-02-02T01:00:00Z',
          method: 'encrypted_email',
          producedCategories: ['subscriber'],
          outcomes: r.identifiers.map((i: { id: string }) => ({ identifierId: i.id, outcome: 'produced' })),
        },
        'PUT',
      )
    ).body.request;
    r = (
      await act(r.id, '/notice', { version: r.version, decision: 'delay', reason: 'Until the emergency ends' }, 'PUT')
    ).body.request;
    const early = await act(r.id, '/transitions', { version: r.version, to: 'closed' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/follow-up/);
    r = (
      await act(
        r.id,
        '/follow-up',
        { version: r.version, receivedAt: '2026-02-10T09:00:00Z', note: 'Court order received' },
        'PUT',
      )
    ).body.request;
    expect(r.followUp.receivedAt).toBe('2026-02-10T09:00:00.000Z');
    // The emergency is over: the delayed notice is now due (5 business days after the follow-up arrived).
    expect(r.clocks.find((c: { kind: string }) => c.kind === 'notice_due').dueAt).toBe('2026-02-18T09:00:00.000Z');
    expect((await act(r.id, '/transitions', { version: r.version, to: 'closed' })).status).toBe(200);
  });
});

describe('attachments', () => {
  it('checks the bytes against the declared type, and the size', async () => {
    const r = await makeLegalRequest(legal, agencyId);
    const upload = (body: Buffer, type: string, name = 'process.pdf') =>
      legal.request('POST', `/api/legal-requests/${r.id}/attachments?kind=legal_process&filename=${name}`, {
        body: body as unknown as string,
        headers: { 'content-type': type },
      });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const ok = await upload(pdf, 'application/pdf');
    expect(ok.status).toBe(201);
    expect(ok.body.attachment.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const lie = await upload(Buffer.from('just text pretending'), 'application/pdf');
    expect(lie.status).toBe(415);
    const exe = await upload(Buffer.from('MZ\x90\x00'), 'application/x-msdownload', 'tool.exe');
    expect(exe.status).toBe(415);
    const big = await upload(Buffer.alloc(25 * 1024 * 1024 + 1, 0x20), 'text/plain', 'big.txt');
    expect(big.status).toBe(413);
    const badName = await upload(pdf, 'application/pdf', '..%2Fetc%2Fpasswd');
    expect(badName.status).toBe(400);
    const view = (await legal.get(`/api/legal-requests/${r.id}`)).body.request;
    expect(view.attachments).toHaveLength(1);
    const other = await makeLegalRequest(legal, agencyId);
    const crossed = await legal.get(`/api/legal-requests/${other.id}/attachments/${view.attachments[0].id}`);
    expect(crossed.status).toBe(404);
  });
});

describe('queue', () => {
  it('filters by view and fields, and pages by keyset giving every row once', async () => {
    const agency = await makeAgency(legal, { country: 'DE', name: 'Bundeskriminalamt' });
    const made = [];
    for (let i = 0; i < 7; i++) {
      made.push(
        await makeLegalRequest(legal, agency.id, {
          country: 'DE',
          processType: i % 2 ? 'court_order' : 'subpoena',
          receivedAt: `2026-04-0${i + 1}T08:00:00Z`,
          assigneeId: i < 3 ? legalId : null,
        }),
      );
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { body: { requests: { id: string }[]; nextAfter: string | null } } = await legal.get(
        `/api/legal-requests?agencyId=${agency.id}&limit=3${after ? `&after=${after}` : ''}`,
      );
      seen.push(...page.body.requests.map((x) => x.id));
      after = page.body.nextAfter;
    } while (after);
    expect(seen.sort()).toEqual(made.map((m) => m.id).sort());
    const mine = await legal.get(`/api/legal-requests?view=mine&agencyId=${agency.id}`);
    expect(mine.body.requests).toHaveLength(3);
    const unassigned = await legal.get(`/api/legal-requests?view=unassigned&agencyId=${agency.id}`);
    expect(unassigned.body.requests).toHaveLength(4);
    const orders = await legal.get(`/api/legal-requests?processType=court_order&country=DE&agencyId=${agency.id}`);
    expect(orders.body.requests).toHaveLength(3);
    const byReference = await legal.get(`/api/legal-requests?q=${made[2].reference.toLowerCase()}`);
    expect(byReference.body.requests.map((x: { id: string }) => x.id)).toEqual([made[2].id]);
    const byIdentifier = await legal.get(`/api/legal-requests?q=${encodeURIComponent(made[4].identifiers[1].value)}`);
    expect(byIdentifier.body.requests.map((x: { id: string }) => x.id)).toEqual([made[4].id]);
    const olderHistory = await legal.get(`/api/legal-requests/${made[0].id}/history?limit=1`);
    expect(olderHistory.body.events).toHaveLength(1);
    expect((await legal.get('/api/legal-requests?after=garbage')).status).toBe(400);
    expect((await legal.get('/api/legal-requests?view=everything')).status).toBe(400);
  });
});

describe('every move of the workflow', () => {
  /** A fresh request walked to `status` through the real API. */
  async function requestIn(status: string) {
    let r = await makeLegalRequest(legal, agencyId);
    const step = async (path: string, json: Record<string, unknown>, method: 'POST' | 'PUT' = 'POST') => {
      const res = await act(r.id, path, { version: r.version, ...json }, method);
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      r = res.body.request;
    };
    if (status === 'received') return r;
    if (status === 'withdrawn' || status === 'rejected') {
      await step('/transitions', { to: status, reason: 'test' });
      return r;
    }
    await step('/transitions', { to: 'in_review' });
    if (status === 'in_review') return r;
    if (status === 'pushback') {
      await step('/pushbacks', { grounds: ['wrong_process'], asked: 'a', proposed: 'b' });
      return r;
    }
    await step('/decision', { disposition: 'none', reason: 'Nothing held' }, 'PUT');
    if (status === 'decided') return r;
    await step(
      '/response',
      {
        sentAt: '2026-03-05T10:00:00Z',
        method: 'secure_portal',
        producedCategories: [],
        outcomes: r.identifiers.map((i: { id: string }) => ({ identifierId: i.id, outcome: 'not_found' })),
      },
      'PUT',
    );
    await step('/notice', { decision: 'notify', reason: 'No order' }, 'PUT');
    if (status === 'responded') return r;
    await step('/transitions', { to: 'closed' });
    return r;
  }

  const statuses = [
    'received',
    'in_review',
    'pushback',
    'decided',
    'responded',
    'closed',
    'withdrawn',
    'rejected',
  ] as const;
  // Moves with records of their own go through their own endpoints (pushback, decision, response).
  const viaOwnEndpoint = new Set([
    'in_review->pushback',
    'in_review->decided',
    'decided->responded',
    'pushback->in_review',
  ]);

  it('allows exactly the moves in the workflow table and refuses every other with the allowed ones', async () => {
    const { transitions } = await import('@docket/shared/legal-requests.schemas');
    let checked = 0;
    for (const from of statuses) {
      for (const to of statuses) {
        const r = await requestIn(from);
        const before = await counts();
        const res = await act(r.id, '/transitions', { version: r.version, to, reason: 'Because' });
        const key = `${from}->${to}`;
        const inTable = transitions[from].includes(to);
        if (inTable && !viaOwnEndpoint.has(key)) {
          expect(res.status, key).toBe(200);
          expect(res.body.request.status, key).toBe(to);
        } else {
          expect(res.status, key).toBe(409);
          expect(res.body.error.code, key).toBe('invalid_transition');
          expect(res.body.error.allowed, key).toEqual([...transitions[from]]);
          expect(await counts(), key).toEqual(before);
        }
        checked += 1;
      }
    }
    expect(checked).toBe(64);
  }, 120_000);
});
