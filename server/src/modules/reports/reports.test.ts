import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../../test/support/agent';
import {
  complaintInput,
  makeAgency,
  makeComplaint,
  makeLegalRequest,
  signedIn,
} from '../../../../test/support/factories';
import { setupTestApp, type TestContext } from '../../../../test/support/test-app';
import { band, complementaryCells } from './reports.service';

let ctx: TestContext;
let legal: Agent;
let compliance: Agent;
let usAgency: string;

const H1 = 'periodStart=2026-01-01&periodEnd=2026-06-30';

async function request(
  agent: Agent,
  agencyId: string,
  o: Record<string, unknown>,
  disposition?: string,
  pushback?: 'narrowed' | 'upheld',
) {
  let r = await makeLegalRequest(agent, agencyId, o);
  const step = async (path: string, json: Record<string, unknown>, method: 'POST' | 'PUT' = 'POST') => {
    const res = await agent.request(method, `/api/legal-requests/${r.id}${path}`, {
      json: { version: r.version, ...json },
    });
    if (res.status >= 300) throw new Error(`${path} ${res.status} ${JSON.stringify(res.body)}`);
    r = res.body.request;
  };
  if (!disposition && !pushback) return r;
  await step('/transitions', { to: 'in_review' });
  if (pushback) {
    await step('/pushbacks', { grounds: ['overbroad'], asked: 'Everything', proposed: 'Less' });
    await step('/pushbacks/resolution', {
      requesterReply: 'Fine',
      outcome: pushback,
      ...(pushback === 'narrowed'
        ? { narrowedScope: { dataCategories: r.dataCategories, identifierIds: [r.identifiers[0].id] } }
        : {}),
    });
  }
  if (disposition) await step('/decision', { disposition, reason: 'Reviewed' }, 'PUT');
  return r;
}

const ids = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ kind: 'account', value: `${prefix}-${i}` }));

beforeAll(async () => {
  ctx = await setupTestApp();
  legal = (await signedIn(ctx, 'legal')).agent;
  compliance = (await signedIn(ctx, 'compliance')).agent;
  usAgency = (await makeAgency(legal, { country: 'US' })).id;
  const deAgency = (await makeAgency(legal, { country: 'DE' })).id;
  const us = (o: Record<string, unknown>) => ({ country: 'US', ...o });
  const de = (o: Record<string, unknown>) => ({
    country: 'DE',
    processType: 'search_warrant',
    dataCategories: ['content'],
    ...o,
  });
  // United States, first half of 2026
  await request(
    legal,
    usAgency,
    us({
      receivedAt: '2026-01-10T10:00:00Z',
      identifiers: ids(3, 'r1'),
      nondisclosure: { kind: 'until', until: '2026-12-31', statute: '18 U.S.C. 2705(b)' },
    }),
    'produced',
  );
  await request(legal, usAgency, us({ receivedAt: '2026-02-01T10:00:00Z', identifiers: ids(1, 'r2') }), 'partial');
  await request(
    legal,
    usAgency,
    us({ receivedAt: '2026-03-01T10:00:00Z', identifiers: ids(1, 'r3') }),
    'none',
    'upheld',
  );
  await request(legal, usAgency, us({ receivedAt: '2026-06-15T10:00:00Z', identifiers: ids(2, 'r10') }), 'produced');
  await request(
    legal,
    usAgency,
    us({
      processType: 'court_order',
      dataCategories: ['non_content'],
      receivedAt: '2026-03-05T10:00:00Z',
      identifiers: ids(2, 'r4'),
    }),
    'produced',
  );
  await request(
    legal,
    usAgency,
    us({ processType: 'emergency', emergency: true, receivedAt: '2026-04-01T10:00:00Z', identifiers: ids(1, 'r5') }),
    'produced',
  );
  await request(
    legal,
    usAgency,
    us({
      processType: 'preservation',
      dataCategories: [],
      receivedAt: '2026-04-02T10:00:00Z',
      identifiers: ids(2, 'r6'),
    }),
  );
  for (let i = 0; i < 3; i++) {
    await request(
      legal,
      usAgency,
      us({
        processType: 'national_security',
        receivedAt: `2026-05-0${i + 1}T10:00:00Z`,
        identifiers: ids(1, `ns${i}`),
      }),
      'produced',
    );
  }
  // Just outside the period, either side: the received date decides.
  await request(legal, usAgency, us({ receivedAt: '2025-12-31T23:59:59Z', identifiers: ids(5, 'before') }), 'produced');
  await request(legal, usAgency, us({ receivedAt: '2026-07-01T00:00:00Z', identifiers: ids(5, 'after') }), 'produced');
  // Germany
  await request(legal, deAgency, de({ receivedAt: '2026-05-01T10:00:00Z', identifiers: ids(4, 'd1') }), 'produced');
  await request(
    legal,
    deAgency,
    de({ receivedAt: '2026-05-02T10:00:00Z', identifiers: ids(1, 'd2') }),
    'none',
    'narrowed',
  );
  await request(legal, deAgency, de({ receivedAt: '2026-06-30T23:00:00Z', identifiers: ids(1, 'd3') }), 'partial');
  await request(legal, deAgency, de({ receivedAt: '2026-06-01T10:00:00Z', identifiers: ids(1, 'd4') }), 'produced');

  // Complaints: two resolved directly, one escalated, one outside the period.
  const { agent: support } = await signedIn(ctx, 'support');
  const cnil = ((await support.get('/api/regulators')).body.regulators as { id: string; shortName: string }[]).find(
    (r) => r.shortName === 'CNIL',
  )?.id;
  const work = async (
    receivedAt: string,
    firstContactDays: number,
    end: { resolveDays: number; outcome: string } | 'escalate',
  ) => {
    let c = await makeComplaint(support, { receivedAt });
    const at = (days: number) => new Date(new Date(receivedAt).getTime() + days * 86_400_000).toISOString();
    const step = async (path: string, json: Record<string, unknown>, method: 'POST' | 'PUT' = 'POST') => {
      const res = await support.request(method, `/api/complaints/${c.id}${path}`, { json });
      if (res.status >= 300) throw new Error(`${path} ${res.status} ${JSON.stringify(res.body)}`);
      c = res.body.complaint;
    };
    await step('/transitions', { version: c.version, to: 'acknowledged' });
    await step('/contacts', { occurredAt: at(firstContactDays), direction: 'out', channel: 'email', summary: 'Hello' });
    await step('/transitions', { version: c.version, to: 'investigating' });
    if (end === 'escalate') {
      await step('/escalations', { version: c.version, regulatorId: cnil, openedAt: at(30), sentSummary: 'File' });
      return;
    }
    // The resolution date is the moment it is recorded: move the clock there.
    const saved = ctx.clock.now();
    ctx.clock.set(new Date(at(end.resolveDays)));
    const { agent: later } = await signedIn(ctx, 'support');
    const res = await later.request('PUT', `/api/complaints/${c.id}/resolution`, {
      json: {
        version: c.version,
        outcome: end.outcome,
        finalResponseSentAt: at(end.resolveDays),
        finalResponseSummary: 'Done',
        toldOfRegulatorRight: true,
      },
    });
    if (res.status !== 200) throw new Error(`resolution ${res.status}`);
    ctx.clock.set(saved);
  };
  await work('2026-02-01T09:00:00Z', 2, { resolveDays: 10, outcome: 'upheld' });
  await work('2026-03-01T09:00:00Z', 4, 'escalate');
  await work('2026-04-01T09:00:00Z', 1, { resolveDays: 20, outcome: 'not_upheld' });
  await makeComplaint(support, complaintInput({ receivedAt: '2025-12-01T09:00:00Z' }));
}, 180_000);

describe('transparency report', () => {
  it('matches the table computed by hand, exactly', async () => {
    const res = await compliance.get(`/api/reports/transparency?${H1}&suppressBelow=0`);
    expect(res.status).toBe(200);
    const r = res.body.report;
    expect(r.rows).toEqual([
      {
        country: 'DE',
        processType: 'search_warrant',
        requests: 4,
        accountsSpecified: 7,
        requestsWithDataProduced: 3,
        percentWithDataProduced: 75,
      },
      {
        country: 'US',
        processType: 'court_order',
        requests: 1,
        accountsSpecified: 2,
        requestsWithDataProduced: 1,
        percentWithDataProduced: 100,
      },
      {
        country: 'US',
        processType: 'emergency',
        requests: 1,
        accountsSpecified: 1,
        requestsWithDataProduced: 1,
        percentWithDataProduced: 100,
      },
      {
        country: 'US',
        processType: 'subpoena',
        requests: 4,
        accountsSpecified: 7,
        requestsWithDataProduced: 3,
        percentWithDataProduced: 75,
      },
    ]);
    expect(r.countryTotals).toEqual([
      {
        country: 'DE',
        processType: 'all',
        requests: 4,
        accountsSpecified: 7,
        requestsWithDataProduced: 3,
        percentWithDataProduced: 75,
      },
      {
        country: 'US',
        processType: 'all',
        requests: 6,
        accountsSpecified: 10,
        requestsWithDataProduced: 5,
        percentWithDataProduced: 83.3,
      },
    ]);
    expect(r.totals).toEqual({
      country: 'all',
      processType: 'all',
      requests: 10,
      accountsSpecified: 17,
      requestsWithDataProduced: 8,
      percentWithDataProduced: 80,
    });
    expect(r.emergency).toEqual({ requests: 1, requestsWithDataProduced: 1 });
    expect(r.preservation).toEqual([{ country: 'US', requests: 1 }]);
    expect(r.nationalSecurity).toEqual([{ country: 'US', requests: '0–249', accountsSpecified: '0–249' }]);
    expect(r.pushback).toEqual({ requests: 2, withdrawn: 0, narrowed: 1, upheld: 1, pending: 0 });
    expect(r.nondisclosure).toEqual({ requestsWithOrder: 1, percentOfRequests: 10 });
    expect(r.complaints).toEqual({
      received: 3,
      resolvedDirectly: 2,
      escalated: 1,
      escalatedByRegulator: [{ regulator: 'CNIL', country: 'FR', complaints: 1 }],
      outcomes: [
        { outcome: 'not_upheld', complaints: 1 },
        { outcome: 'upheld', complaints: 1 },
      ],
      medianDaysToFirstContact: 2,
      medianDaysToResolution: 15,
    });
    expect(r.notes.join(' ')).toMatch(/received at/);
    expect(r.notes.join(' ')).toMatch(/produced or partial/);

    const csv = await compliance.request('GET', `/api/reports/transparency.csv?${H1}&suppressBelow=0`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body).toBe(
      [
        'period_start,period_end,country,process_type,requests,accounts_specified,requests_with_data_produced,percent_with_data_produced',
        '2026-01-01,2026-06-30,DE,search_warrant,4,7,3,75',
        '2026-01-01,2026-06-30,US,court_order,1,2,1,100',
        '2026-01-01,2026-06-30,US,emergency,1,1,1,100',
        '2026-01-01,2026-06-30,US,national_security,0–249,0–249,,',
        '2026-01-01,2026-06-30,US,preservation,1,,,',
        '2026-01-01,2026-06-30,US,subpoena,4,7,3,75',
        '',
      ].join('\n'),
    );
    const json = await compliance.request('GET', `/api/reports/transparency.json?${H1}&suppressBelow=0`);
    expect(json.body).toEqual(r);
  });

  it('suppresses small counts and bands national security in every output', async () => {
    const r = (await compliance.get(`/api/reports/transparency?${H1}&suppressBelow=3`)).body.report;
    expect(r.rows.find((x: { processType: string }) => x.processType === 'court_order')).toEqual({
      country: 'US',
      processType: 'court_order',
      requests: '<3',
      accountsSpecified: '<3',
      requestsWithDataProduced: '<3',
      percentWithDataProduced: null,
    });
    expect(r.rows.find((x: { processType: string }) => x.processType === 'subpoena').requests).toBe(4);
    expect(r.complaints.escalated).toBe('<3');
    const csv = (await compliance.request('GET', `/api/reports/transparency.csv?${H1}&suppressBelow=3`)).body as string;
    expect(csv).toContain('US,court_order,<3,<3,<3,');
    const nsLine = csv.split('\n').find((l) => l.includes('national_security')) as string;
    expect(nsLine).toBe('2026-01-01,2026-06-30,US,national_security,0–249,0–249,,');
    expect(band(249, 250)).toBe('0–249');
    expect(band(250, 250)).toBe('250–499');
    expect(band(999, 500)).toBe('500–999');
    expect(band(1000, 1000)).toBe('1000–1999');
    expect((await compliance.get(`/api/reports/transparency?${H1}&bandWidth=300`)).status).toBe(400);
  });

  it('hides a second cell when one hidden small count could be worked out from a total', () => {
    const cells = [
      { requests: 1, accounts: 9, produced: 0 }, // small: hidden
      { requests: 12, accounts: 30, produced: 6 },
      { requests: 8, accounts: 2, produced: 4 }, // the smallest other non-zero requests cell
    ];
    const extra = complementaryCells([[0, 1, 2]], cells, 3);
    // requests: one small (index 0) → also index 2; accounts: one small (index 2) → also index 0; produced: none small.
    expect([...extra].sort()).toEqual(['0:accounts', '2:requests']);
    expect(
      complementaryCells(
        [[0, 1, 2]],
        [
          { requests: 1, accounts: 5, produced: 0 },
          { requests: 2, accounts: 5, produced: 0 },
          { requests: 9, accounts: 5, produced: 0 },
        ],
        3,
      ).size,
    ).toBe(0);
  });

  it('narrows to a country or a process type', async () => {
    const de = (await compliance.get(`/api/reports/transparency?${H1}&suppressBelow=0&country=DE`)).body.report;
    expect(de.totals.requests).toBe(4);
    const subpoenas = (await compliance.get(`/api/reports/transparency?${H1}&suppressBelow=0&processType=subpoena`))
      .body.report;
    expect(subpoenas.rows).toHaveLength(1);
    expect(subpoenas.totals.accountsSpecified).toBe(7);
  });

  it('publishes a locked snapshot that stays identical when cases change afterwards', async () => {
    const published = await compliance.post('/api/reports/published', {
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      suppressBelow: 0,
    });
    expect(published.status).toBe(201);
    const snapshot = published.body.published;
    expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.rulesVersion).toMatch(/transparency/);
    expect(
      (
        await compliance.post('/api/reports/published', {
          periodStart: '2026-01-01',
          periodEnd: '2026-06-30',
          suppressBelow: 0,
        })
      ).status,
    ).toBe(409);
    expect(
      (await legal.post('/api/reports/published', { periodStart: '2026-01-01', periodEnd: '2026-06-30' })).status,
    ).toBe(403);

    // A new request in the period after publishing.
    await request(
      legal,
      usAgency,
      { country: 'US', receivedAt: '2026-02-02T10:00:00Z', identifiers: ids(1, 'late') },
      'produced',
    );
    const again = await compliance.get(`/api/reports/published/${snapshot.id}`);
    expect(again.body.published).toEqual(snapshot);
    const live = await compliance.get(`/api/reports/transparency?${H1}&suppressBelow=0`);
    expect(live.body.published.sha256).toBe(snapshot.sha256);
    expect(live.body.report.totals.requests).toBe(11);
    expect(live.body.differences).toEqual(
      expect.arrayContaining([{ path: 'totals.requests', published: 10, live: 11 }]),
    );
    await expect(sql`update published_reports set sha256 = ${'0'.repeat(64)}`.execute(ctx.deps.db)).rejects.toThrow(
      /locked/,
    );
    await expect(sql`delete from published_reports`.execute(ctx.deps.db)).rejects.toThrow(/locked/);
    const csv = await compliance.request('GET', `/api/reports/published/${snapshot.id}/csv`);
    expect(csv.body).toContain('US,subpoena,4,7,3,75');
  });

  it('bands national-security requests exactly at the band edge, in JSON and CSV', async () => {
    const jp = (await makeAgency(legal, { country: 'JP' })).id;
    const insertNs = (from: number, to: number) =>
      sql`
        insert into legal_requests (reference, process_type, agency_id, country, received_at, summary, data_categories,
          original_scope, updated_at, identifier_count)
        select 'LR-NS-' || i, 'national_security', ${jp}, 'JP', timestamptz '2026-03-01' + i * interval '1 minute', 'ns',
          '{subscriber}', '{}'::jsonb, now(), 2
        from generate_series(${from}::int, ${to}::int) i`.execute(ctx.deps.db);
    await insertNs(1, 249);
    const at249 = (await compliance.get(`/api/reports/transparency?${H1}&country=JP`)).body.report;
    expect(at249.nationalSecurity).toEqual([{ country: 'JP', requests: '0–249', accountsSpecified: '250–499' }]);
    await insertNs(250, 250);
    const at250 = (await compliance.get(`/api/reports/transparency?${H1}&country=JP`)).body.report;
    expect(at250.nationalSecurity).toEqual([{ country: 'JP', requests: '250–499', accountsSpecified: '500–749' }]);
    expect(JSON.stringify([at250.rows, at250.countryTotals, at250.totals])).not.toMatch(/:250\b/);
    expect(at250.totals.requests).toBe(0); // never inside the totals
    const csv = (await compliance.request('GET', `/api/reports/transparency.csv?${H1}&country=JP&bandWidth=500`))
      .body as string;
    expect(csv.trim().split('\n')[1]).toBe('2026-01-01,2026-06-30,JP,national_security,0–499,500–999,,');
  });

  it('is readable by compliance, legal and admin only', async () => {
    const { agent: support } = await signedIn(ctx, 'support');
    expect((await support.get(`/api/reports/transparency?${H1}`)).status).toBe(403);
    expect((await legal.get(`/api/reports/transparency?${H1}`)).status).toBe(200);
    expect(
      (await compliance.get('/api/reports/transparency?periodStart=2026-07-01&periodEnd=2026-01-01')).body.error
        .issues[0].path,
    ).toBe('periodEnd');
  });
});
