import { existsSync } from 'node:fs';
import { personalDataCipher } from '@docket/server/lib/personal-data';
import { blobPath } from '@docket/server/modules/attachments/attachments.storage';
import { verifyAuditChain } from '@docket/server/modules/audit/audit.service';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../../test/support/agent';
import { complaintInput, makeComplaint, signedIn } from '../../../../test/support/factories';
import { setupTestApp, type TestContext } from '../../../../test/support/test-app';

let ctx: TestContext;
let support: Agent;
let compliance: Agent;
let admin: Agent;
let cnil: string;
let ico: string;

beforeAll(async () => {
  ctx = await setupTestApp();
  support = (await signedIn(ctx, 'support')).agent;
  compliance = (await signedIn(ctx, 'compliance')).agent;
  admin = (await signedIn(ctx, 'admin')).agent;
  const regulators = (await support.get('/api/regulators')).body.regulators as {
    id: string;
    country: string;
    shortName: string;
  }[];
  cnil = regulators.find((r) => r.shortName === 'CNIL')?.id as string;
  ico = regulators.find((r) => r.shortName === 'ICO')?.id as string;
});

const act = (agent: Agent, id: string, path: string, json: unknown, method: 'POST' | 'PUT' | 'PATCH' = 'POST') =>
  agent.request(method, `/api/complaints/${id}${path}`, { json });

describe('logging a complaint', () => {
  it('keeps the complainant encrypted at rest and findable by email', async () => {
    const input = complaintInput();
    const res = await support.post('/api/complaints', input);
    expect(res.status).toBe(201);
    const complaint = res.body.complaint;
    expect(complaint.reference).toMatch(/^CP-2026-\d{5}$/);
    expect(complaint.complainant).toEqual(input.complainant);
    const raw = await sql`select * from complaints where id = ${complaint.id}`.execute(ctx.deps.db);
    const rawText = JSON.stringify(raw.rows);
    for (const value of Object.values(input.complainant)) expect(rawText).not.toContain(value);
    expect(rawText).not.toContain('Canary');
    const row = raw.rows[0] as { complainant_name_enc: string };
    expect(row.complainant_name_enc).toMatch(/^v1\./);

    const found = await support.get(
      `/api/complaints?view=all&email=${encodeURIComponent(input.complainant.email.toUpperCase())}`,
    );
    expect(found.body.complaints.map((c: { id: string }) => c.id)).toEqual([complaint.id]);
  });

  it('refuses to open a tampered value instead of returning garbage', () => {
    const cipher = personalDataCipher(ctx.deps.config.secretKey);
    const sealed = cipher.seal('Jane Doe') as string;
    expect(cipher.open(sealed)).toBe('Jane Doe');
    const [v, nonce, body] = sealed.split('.') as [string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    expect(() => cipher.open(`${v}.${nonce}.${bytes.toString('base64url')}`)).toThrow();
    expect(cipher.seal('Jane Doe')).not.toBe(sealed); // a fresh nonce each time
  });

  it('never sends compliance the complainant’s personal data', async () => {
    const input = complaintInput();
    const complaint = await makeComplaint(support, input);
    await act(support, complaint.id, '/contacts', {
      occurredAt: '2026-03-03T10:00:00Z',
      direction: 'out',
      channel: 'email',
      summary: 'Canary phoned back',
    });
    const list = await compliance.get('/api/complaints?view=all&limit=200');
    const detail = await compliance.get(`/api/complaints/${complaint.id}`);
    expect(detail.status).toBe(200);
    for (const body of [list.body, detail.body]) {
      const text = JSON.stringify(body);
      for (const value of [...Object.values(input.complainant), input.summary, 'Canary'])
        expect(text).not.toContain(value);
    }
    expect(detail.body.complaint).not.toHaveProperty('complainant');
    expect(detail.body.complaint).not.toHaveProperty('summary');
    expect(detail.body.complaint.contacts[0]).not.toHaveProperty('summary');
    expect((await compliance.get(`/api/complaints?email=${encodeURIComponent(input.complainant.email)}`)).status).toBe(
      403,
    );
    expect((await compliance.post('/api/complaints', complaintInput())).status).toBe(403);
    const { agent: legal } = await signedIn(ctx, 'legal');
    expect((await legal.get(`/api/complaints/${complaint.id}`)).body.complaint.complainant.name).toBe(
      input.complainant.name,
    );
  });

  it('rejects bad input naming the fields, and an unknown category', async () => {
    const bad = await support.post('/api/complaints', {
      ...complaintInput(),
      channel: 'pigeon',
      complainant: { name: '' },
      regime: 'ccpa',
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['channel', 'complainant.name', 'regime']));
    const unknown = await support.post('/api/complaints', complaintInput({ category: 'astrology' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toBe('category');
    expect((await admin.post('/api/complaint-categories', { code: 'astrology', label: 'Astrology' })).status).toBe(201);
    expect((await support.post('/api/complaints', complaintInput({ category: 'astrology' }))).status).toBe(201);
    expect((await support.post('/api/complaint-categories', { code: 'x_y', label: 'X' })).status).toBe(403);
  });

  it('pages the queue by keyset, every complaint exactly once', async () => {
    const all = (await support.get('/api/complaints?view=all&limit=200')).body.complaints.map(
      (c: { id: string }) => c.id,
    );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { body: { complaints: { id: string }[]; nextAfter: string | null } } = await support.get(
        `/api/complaints?view=all&limit=2${after ? `&after=${after}` : ''}`,
      );
      seen.push(...page.body.complaints.map((c) => c.id));
      after = page.body.nextAfter;
    } while (after);
    expect(seen).toEqual(all);
  });

  it('creates once per Idempotency-Key', async () => {
    const input = complaintInput();
    const send = () =>
      support.request('POST', '/api/complaints', { json: input, headers: { 'idempotency-key': 'letter-77' } });
    const replies = await Promise.all([send(), send(), send(), send(), send()]);
    expect(new Set(replies.map((r) => r.body.complaint.id)).size).toBe(1);
  });
});

describe('deadlines', () => {
  it('computes each regime’s clocks, month ends and business days included', async () => {
    const gdpr = await makeComplaint(support, { regime: 'gdpr', receivedAt: '2026-01-31T10:00:00Z' });
    expect(gdpr.responseDueAt).toBe('2026-02-28T10:00:00.000Z');
    const fca = await makeComplaint(support, { regime: 'fca', receivedAt: '2026-04-02T10:00:00Z' });
    expect(fca.responseDueAt).toBe('2026-05-28T10:00:00.000Z'); // eight weeks
    const clock = (c: { clocks: { kind: string; dueAt: string }[] }, kind: string) =>
      c.clocks.find((x) => x.kind === kind)?.dueAt;
    // Thu 2 Apr 2026 + 3 business days, skipping Good Friday and Easter Monday: Thu 9 Apr.
    expect(clock(fca, 'summary_resolution')).toBe('2026-04-09T10:00:00.000Z');
    expect(clock(fca, 'first_contact')).toBe('2026-04-08T10:00:00.000Z');
    expect(clock(fca, 'acknowledge')).toBe('2026-04-13T10:00:00.000Z');
    const plain = await makeComplaint(support, { regime: 'default', receivedAt: '2026-03-02T09:00:00Z' });
    expect(plain.responseDueAt).toBe('2026-04-01T09:00:00.000Z');
  });

  it('extends a GDPR complaint by two months only when the complainant is told within the first month', async () => {
    let c = await makeComplaint(support, { regime: 'gdpr', receivedAt: '2026-03-02T09:00:00Z' });
    const late = await act(support, c.id, '/extension', {
      version: c.version,
      reason: 'Complex',
      complainantToldAt: '2026-04-03T09:00:00Z',
    });
    expect(late.status).toBe(400);
    expect(late.body.error.issues[0].path).toBe('complainantToldAt');
    const ok = await act(support, c.id, '/extension', {
      version: c.version,
      reason: 'Complex request',
      complainantToldAt: '2026-03-20T09:00:00Z',
    });
    expect(ok.status).toBe(200);
    c = ok.body.complaint;
    expect(c.responseDueAt).toBe('2026-06-02T09:00:00.000Z');
    expect(c.extension).toEqual({ reason: 'Complex request', complainantToldAt: '2026-03-20T09:00:00.000Z' });
    expect(
      (
        await act(support, c.id, '/extension', {
          version: c.version,
          reason: 'Again',
          complainantToldAt: '2026-03-21T09:00:00Z',
        })
      ).status,
    ).toBe(409);
    const fca = await makeComplaint(support, { regime: 'fca' });
    expect(
      (
        await act(support, fca.id, '/extension', {
          version: fca.version,
          reason: 'x',
          complainantToldAt: '2026-03-03T09:00:00Z',
        })
      ).status,
    ).toBe(409);
  });
});

describe('workflow and escalation', () => {
  it('refuses moves outside the workflow with the allowed ones', async () => {
    const c = await makeComplaint(support);
    const jump = await act(support, c.id, '/transitions', { version: c.version, to: 'closed' });
    expect(jump.status).toBe(409);
    expect(jump.body.error).toMatchObject({ code: 'invalid_transition', allowed: ['acknowledged'] });
    const stale = await act(support, c.id, '/transitions', { version: c.version + 5, to: 'acknowledged' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
  });

  it('takes a complaint through contact, escalation to two regulators, their answers and closing', async () => {
    let c = await makeComplaint(support, { receivedAt: '2026-03-02T09:00:00Z' });
    c = (await act(support, c.id, '/transitions', { version: c.version, to: 'acknowledged' })).body.complaint;
    expect(c.acknowledgedAt).not.toBeNull();
    c = (
      await act(support, c.id, '/contacts', {
        occurredAt: '2026-03-03T11:00:00Z',
        direction: 'out',
        channel: 'phone',
        summary: 'Called to understand the request',
      })
    ).body.complaint;
    expect(c.clocks.find((x: { kind: string }) => x.kind === 'first_contact').state).toBe('met');
    c = (await act(support, c.id, '/transitions', { version: c.version, to: 'investigating' })).body.complaint;
    const first = await act(support, c.id, '/escalations', {
      version: c.version,
      regulatorId: cnil,
      openedAt: '2026-04-10T09:00:00Z',
      regulatorReference: 'CNIL-2026-123',
      sentSummary: 'Complaint file and our response',
    });
    expect(first.status).toBe(201);
    c = first.body.complaint;
    expect(c.status).toBe('escalated');
    expect(c.escalations[0].updateDueAt).toBe('2026-07-10T09:00:00.000Z'); // three months, Art. 78(2)
    c = (
      await act(support, c.id, '/escalations', {
        version: c.version,
        regulatorId: ico,
        openedAt: '2026-04-12T09:00:00Z',
        sentSummary: 'Same file',
      })
    ).body.complaint;
    expect(c.escalations).toHaveLength(2);
    const [toCnil, toIco] = c.escalations;
    c = (
      await act(support, c.id, `/escalations/${toCnil.id}/correspondence`, {
        occurredAt: '2026-05-01T09:00:00Z',
        direction: 'in',
        summary: 'CNIL asks for logs',
      })
    ).body.complaint;
    expect(c.escalations[0].correspondence).toHaveLength(1);
    expect(c.escalations[0].updateDueAt).toBe('2026-08-01T09:00:00.000Z');
    const entry = c.escalations[0].correspondence[0];
    const letter = await support.request(
      'POST',
      `/api/complaints/${c.id}/escalations/${toCnil.id}/correspondence/${entry.id}/attachments?kind=correspondence&filename=cnil.txt`,
      { body: 'Letter from the CNIL', headers: { 'content-type': 'text/plain' } },
    );
    expect(letter.status).toBe(201);
    // The page lists the letter under its correspondence entry; compliance sees the entry, not what it says.
    const supportView = (await support.get(`/api/complaints/${c.id}`)).body.complaint;
    expect(supportView.escalations[0].correspondence[0]).toMatchObject({
      id: entry.id,
      occurredAt: '2026-05-01T09:00:00.000Z',
      direction: 'in',
      summary: 'CNIL asks for logs',
      attachments: [{ filename: 'cnil.txt', kind: 'correspondence', size: 20 }],
    });
    expect(supportView.escalations[1].correspondence).toEqual([]);
    const complianceView = (await compliance.get(`/api/complaints/${c.id}`)).body.complaint;
    expect(complianceView.escalations[0].correspondence[0]).toEqual({
      id: entry.id,
      occurredAt: '2026-05-01T09:00:00.000Z',
      direction: 'in',
      attachments: [],
    });
    expect(complianceView.escalations[0]).not.toHaveProperty('sentSummary');
    expect(complianceView.attachments).toEqual([]);
    const early = await act(support, c.id, '/transitions', { version: c.version, to: 'closed' });
    expect(early.status).toBe(409);
    c = (
      await act(support, c.id, `/escalations/${toCnil.id}/closure`, {
        version: c.escalations[0].version,
        outcome: 'no_action',
        closedAt: '2026-06-01T09:00:00Z',
      })
    ).body.complaint;
    c = (
      await act(support, c.id, `/escalations/${toIco.id}/closure`, {
        version: toIco.version,
        outcome: 'resolved',
        closedAt: '2026-06-02T09:00:00Z',
      })
    ).body.complaint;
    const closed = await act(support, c.id, '/transitions', { version: c.version, to: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body.complaint.status).toBe('closed');
    const regulators = await support.get(`/api/complaints?view=all&regulatorId=${ico}`);
    expect(regulators.body.complaints.map((x: { id: string }) => x.id)).toContain(c.id);
    const history = await compliance.get(`/api/complaints/${c.id}/history`);
    expect(history.body.events.map((e: { action: string }) => e.action)).toContain('complaint.escalated');
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it('resolves with the outcome, the final response and the regulator-right notice', async () => {
    let c = await makeComplaint(support);
    c = (await act(support, c.id, '/transitions', { version: c.version, to: 'acknowledged' })).body.complaint;
    c = (await act(support, c.id, '/transitions', { version: c.version, to: 'investigating' })).body.complaint;
    const missing = await act(
      support,
      c.id,
      '/resolution',
      { version: c.version, outcome: 'upheld', finalResponseSentAt: '2026-03-20T09:00:00Z', finalResponseSummary: 'x' },
      'PUT',
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0].path).toBe('toldOfRegulatorRight');
    c = (
      await act(
        support,
        c.id,
        '/resolution',
        {
          version: c.version,
          outcome: 'partly_upheld',
          finalResponseSentAt: '2026-03-20T09:00:00Z',
          finalResponseSummary: 'We sent the data',
          toldOfRegulatorRight: true,
        },
        'PUT',
      )
    ).body.complaint;
    expect(c.status).toBe('resolved');
    expect(c.resolution).toMatchObject({ outcome: 'partly_upheld', toldOfRegulatorRight: true });
    expect(c.clocks.find((x: { kind: string }) => x.kind === 'response_due').state).toBe('met');
  });
});

describe('registries', () => {
  it('seeds the EU/EEA data protection authorities and the ICO, editable by admins only', async () => {
    const list = (await support.get('/api/regulators')).body.regulators as {
      country: string;
      website: string;
      id: string;
      version: number;
    }[];
    const countries = new Set(list.map((r) => r.country));
    for (const c of ['AT', 'BE', 'DE', 'FR', 'IE', 'NL', 'PL', 'SE', 'NO', 'IS', 'LI', 'GB'])
      expect(countries.has(c)).toBe(true);
    expect(list.length).toBeGreaterThanOrEqual(31);
    expect(list.every((r) => r.website?.startsWith('https://'))).toBe(true);
    expect((await support.post('/api/regulators', { name: 'X', country: 'US' })).status).toBe(403);
    const created = await admin.post('/api/regulators', {
      name: 'Federal Trade Commission',
      shortName: 'FTC',
      country: 'US',
      website: 'https://www.ftc.gov',
      kind: 'other',
    });
    expect(created.status).toBe(201);
    const dup = await admin.post('/api/regulators', { name: 'federal trade commission', country: 'US' });
    expect(dup.status).toBe(409);
    const edited = await admin.patch(`/api/regulators/${created.body.regulator.id}`, { version: 1, active: false });
    expect(edited.body.regulator.active).toBe(false);
  });
});

describe('retention', () => {
  it('erases personal data of complaints closed long ago, keeping every count', async () => {
    const saved = ctx.clock.now();
    try {
      ctx.clock.set(new Date('2023-05-01T09:00:00Z'));
      const { agent: past } = await signedIn(ctx, 'support');
      let c = await makeComplaint(past, { receivedAt: '2023-05-01T08:00:00Z', category: 'erasure' });
      const file = await past.request(
        'POST',
        `/api/complaints/${c.id}/attachments?kind=correspondence&filename=letter.txt`,
        {
          body: `Original letter from ${c.complainant.name} (retention test)`,
          headers: { 'content-type': 'text/plain' },
        },
      );
      expect(file.status).toBe(201);
      c = (await act(past, c.id, '/transitions', { version: c.version, to: 'acknowledged' })).body.complaint;
      c = (
        await act(past, c.id, '/contacts', {
          occurredAt: '2023-05-02T09:00:00Z',
          direction: 'out',
          channel: 'email',
          summary: 'Wrote to the complainant',
        })
      ).body.complaint;
      c = (await act(past, c.id, '/transitions', { version: c.version, to: 'investigating' })).body.complaint;
      c = (
        await act(
          past,
          c.id,
          '/resolution',
          {
            version: c.version,
            outcome: 'upheld',
            finalResponseSentAt: '2023-05-20T09:00:00Z',
            finalResponseSummary: 'Erased',
            toldOfRegulatorRight: true,
          },
          'PUT',
        )
      ).body.complaint;
      c = (await act(past, c.id, '/transitions', { version: c.version, to: 'closed' })).body.complaint;
      const recent = await makeComplaint(past, { receivedAt: '2023-05-01T08:00:00Z' }); // still open: kept

      ctx.clock.set(new Date('2025-06-01T09:00:00Z'));
      const { agent: now } = await signedIn(ctx, 'admin');
      const counts = async () =>
        (
          await sql<{ category: string; status: string; outcome: string | null; n: number }>`
          select category, status, outcome, count(*)::int as n from complaints group by 1, 2, 3 order by 1, 2, 3`.execute(
            ctx.deps.db,
          )
        ).rows;
      const before = await counts();
      const preview = await now.get('/api/retention');
      expect(preview.body.dryRun).toBe(true);
      expect(preview.body.candidates.map((x: { id: string }) => x.id)).toEqual([c.id]);
      expect(preview.body.candidates[0].attachments).toBe(1);
      expect((await now.get(`/api/complaints/${c.id}`)).body.complaint.complainant.name).toBe(c.complainant.name);

      const run = await now.post('/api/retention');
      expect(run.body.erased).toBe(1);
      const after = (await now.get(`/api/complaints/${c.id}`)).body.complaint;
      expect(after.complainant).toEqual({ name: null, email: null, phone: null, postalAddress: null });
      expect(after.summary).toMatch(/erased/);
      expect(after.contacts[0].summary).toMatch(/erased/);
      expect(after.personalDataErasedAt).not.toBeNull();
      expect(after.status).toBe('closed');
      expect(after.resolution.outcome).toBe('upheld');
      expect(existsSync(blobPath(ctx.deps.config.dataDir, file.body.attachment.sha256))).toBe(false);
      expect((await now.get(`/api/complaints/${c.id}/attachments/${file.body.attachment.id}`)).status).toBe(404);
      expect((await now.get(`/api/complaints/${recent.id}`)).body.complaint.complainant.name).toBe(
        recent.complainant.name,
      );
      expect(await counts()).toEqual(before);
      expect((await now.post('/api/retention')).body.erased).toBe(0);
      const events = await ctx.deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', c.id)
        .execute();
      expect(events.map((e) => e.action)).toContain('complaint.personal_data_erased');
      expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
    } finally {
      ctx.clock.set(saved);
    }
  });
});

describe('every move of the complaint workflow', () => {
  it('allows exactly the moves in the workflow table and refuses every other with the allowed ones', async () => {
    const { complaintTransitions, complaintStatuses } = await import('@docket/shared/complaints.schemas');
    /** A fresh complaint walked to `status` through the real API. */
    const complaintIn = async (status: string) => {
      let c = await makeComplaint(support);
      const step = async (path: string, json: Record<string, unknown>, method: 'POST' | 'PUT' = 'POST') => {
        const res = await act(support, c.id, path, { version: c.version, ...json }, method);
        if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
        c = res.body.complaint;
      };
      if (status === 'received') return c;
      await step('/transitions', { to: 'acknowledged' });
      if (status === 'acknowledged') return c;
      await step('/transitions', { to: 'investigating' });
      if (status === 'investigating') return c;
      if (status === 'resolved' || status === 'closed') {
        await step(
          '/resolution',
          {
            outcome: 'upheld',
            finalResponseSentAt: '2026-03-20T09:00:00Z',
            finalResponseSummary: 'Done',
            toldOfRegulatorRight: true,
          },
          'PUT',
        );
        if (status === 'closed') await step('/transitions', { to: 'closed' });
        return c;
      }
      await step('/escalations', { regulatorId: cnil, openedAt: '2026-04-01T09:00:00Z', sentSummary: 'File' });
      return c;
    };
    const viaOwnEndpoint = new Set(['investigating->resolved', 'investigating->escalated']);
    let checked = 0;
    for (const from of complaintStatuses) {
      for (const to of complaintStatuses) {
        const c = await complaintIn(from);
        const res = await act(support, c.id, '/transitions', { version: c.version, to });
        const key = `${from}->${to}`;
        const inTable = complaintTransitions[from].includes(to);
        // An escalated complaint closes only once its escalations are closed.
        if (inTable && !viaOwnEndpoint.has(key) && key !== 'escalated->closed') {
          expect(res.status, key).toBe(200);
          expect(res.body.complaint.status, key).toBe(to);
        } else if (key === 'escalated->closed') {
          expect(res.status, key).toBe(409);
          expect(res.body.error.code, key).toBe('conflict');
        } else {
          expect(res.status, key).toBe(409);
          expect(res.body.error.code, key).toBe('invalid_transition');
          expect(res.body.error.allowed, key).toEqual([...complaintTransitions[from]]);
        }
        checked += 1;
      }
    }
    expect(checked).toBe(36);
    for (const role of ['compliance'] as const) {
      const { agent } = await signedIn(ctx, role);
      const c = await makeComplaint(support);
      expect((await act(agent, c.id, '/transitions', { version: c.version, to: 'acknowledged' })).status).toBe(403);
    }
  }, 120_000);
});
