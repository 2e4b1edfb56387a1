import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { BENCH_LEGAL, BENCH_PASSWORD, BENCH_PEOPLE, type GenerateSummary, generateData } from '../bench/generate-data';
import { Agent } from '../support/agent';
import { setupTestApp, type TestContext } from '../support/test-app';

// The benchmark data generator writes in bulk, past the foreign-key triggers and with its indexes
// rebuilt afterwards; this checks, at a small scale, that what it writes is data Docket itself reads
// and keeps working on.

let ctx: TestContext;
let summary: GenerateSummary;
let legal: Agent;

beforeAll(async () => {
  ctx = await setupTestApp();
  summary = await generateData(ctx.deps.db, {
    legalRequests: 3000,
    complaints: 600,
    secretKey: ctx.deps.config.secretKey,
    now: ctx.clock.now(),
  });
  legal = new Agent(ctx, '198.51.100.77');
  const res = await legal.post('/api/auth/sign-in', { email: BENCH_LEGAL.email, password: BENCH_PASSWORD });
  expect(res.status).toBe(200);
  expect(res.body.me.next).toBe('done');
}, 120_000);

const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(ctx.deps.db)).rows[0] as T;

describe('benchmark data generator', () => {
  it('writes the counts it reports, with every reference kept', async () => {
    expect(summary.legalRequests).toBe(3000);
    expect(summary.complaints).toBe(600);
    expect(summary.identifiers).toBeGreaterThanOrEqual(3000);
    expect(summary.notes).toBeGreaterThan(0);
    expect(summary.pushbacks).toBeGreaterThan(0);
    const orphans = await one(sql<{ n: number }>`
      select (select count(*) from legal_request_identifiers i where not exists (select 1 from legal_requests r where r.id = i.request_id))
           + (select count(*) from legal_request_notes n where not exists (select 1 from legal_requests r where r.id = n.request_id))
           + (select count(*) from pushbacks p where not exists (select 1 from legal_requests r where r.id = p.request_id))
           + (select count(*) from legal_requests r where not exists (select 1 from agencies a where a.id = r.agency_id))
           + (select count(*) from escalations e where not exists (select 1 from complaints c where c.id = e.complaint_id))
           + (select count(*) from complaint_legal_requests l where not exists (select 1 from legal_requests r where r.id = l.legal_request_id))
           as n`);
    expect(Number(orphans.n)).toBe(0);
    const counts = await one(sql<{ mismatched: number }>`
      select count(*) as mismatched from legal_requests r
      where r.identifier_count <> (select count(*) from legal_request_identifiers i where i.request_id = r.id)`);
    expect(Number(counts.mismatched)).toBe(0);
  });

  it('spreads requests over five years, several countries, types and statuses', async () => {
    const spread = await one(sql<{ years: number; countries: number; types: number; statuses: number; open: number }>`
      select count(distinct extract(year from received_at)) as years, count(distinct country) as countries,
             count(distinct process_type) as types, count(distinct status) as statuses,
             count(*) filter (where status not in ('closed', 'withdrawn', 'rejected')) as open
      from legal_requests`);
    expect(Number(spread.years)).toBeGreaterThanOrEqual(5);
    expect(Number(spread.countries)).toBeGreaterThanOrEqual(10);
    expect(Number(spread.types)).toBe(8);
    expect(Number(spread.statuses)).toBe(8);
    expect(Number(spread.open)).toBeGreaterThan(0);
  });

  it('gives every bench person a password that signs in, without 2-step verification', async () => {
    for (const person of BENCH_PEOPLE) {
      const agent = new Agent(ctx, '198.51.100.78');
      const res = await agent.post('/api/auth/sign-in', { email: person.email, password: BENCH_PASSWORD });
      expect(res.status, person.email).toBe(200);
      expect(res.body.me.next).toBe('done');
    }
  });

  it('makes cases the API reads: a request, the queue, and a complaint whose complainant decrypts', async () => {
    const row = await one(sql<{ id: string; reference: string }>`
      select id, reference from legal_requests where status = 'closed' order by reference limit 1`);
    const read = await legal.get(`/api/legal-requests/${row.id}`);
    expect(read.status).toBe(200);
    expect(read.body.request.reference).toBe(row.reference);
    expect(read.body.request.identifiers.length).toBeGreaterThanOrEqual(1);
    expect(read.body.request.originalScope.identifierIds).toEqual(
      read.body.request.identifiers.map((i: { id: string }) => i.id),
    );

    const queue = await legal.get('/api/legal-requests?view=all&limit=50');
    expect(queue.status).toBe(200);
    expect(queue.body.requests).toHaveLength(50);

    const complaint = await one(sql<{ id: string }>`
      select id from complaints where complainant_name_enc is not null order by reference limit 1`);
    const detail = await legal.get(`/api/complaints/${complaint.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.complaint.complainant.name).toMatch(/^\S+ \S+$/);
    expect(detail.body.complaint.complainant.email).toMatch(/@example\./);
  });

  it('leaves the reference counters ahead, so new cases take fresh references', async () => {
    const agency = await one(sql<{ id: string; country: string }>`select id, country from agencies limit 1`);
    const year = ctx.clock.now().getUTCFullYear();
    const created = await legal.post('/api/legal-requests', {
      processType: 'subpoena',
      agencyId: agency.id,
      country: agency.country,
      receivedAt: new Date(Date.UTC(year, 0, 15, 9)).toISOString(),
      summary: 'Created after the generator ran',
      identifiers: [{ kind: 'email', value: 'after.generator@mail.example' }],
      dataCategories: ['subscriber'],
    });
    expect(created.status).toBe(201);
    const generatedThisYear = await one(sql<{ n: number }>`
      select count(*) as n from legal_requests where reference like ${`LR-${year}-%`} and summary <> 'Created after the generator ran'`);
    expect(created.body.request.reference).toBe(
      `LR-${year}-${String(Number(generatedThisYear.n) + 1).padStart(5, '0')}`,
    );
  });
});
