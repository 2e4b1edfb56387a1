import { listSorts } from '@docket/shared/lists.schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../support/agent';
import { makeAgency, makeComplaint, makeLegalRequest, signedIn } from '../support/factories';
import { setupTestApp, type TestContext } from '../support/test-app';

let ctx: TestContext;
let legal: Agent;
let support: Agent;
let agency: { id: string; name: string };
const created: { id: string; reference: string; receivedAt: string }[] = [];

/** Reads a whole list page by page, following nextAfter. */
async function pageThrough(agent: Agent, path: string, key: string, between?: () => Promise<void>) {
  const seen: any[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const res: { status: number; body: any } = await agent.get(`${path}${after ? `&after=${after}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    seen.push(...res.body[key]);
    after = res.body.nextAfter;
    if (!after) return seen;
    await between?.();
  }
  throw new Error('too many pages');
}

const parseCsv = (text: string) => text.trim().split('\n');

beforeAll(async () => {
  ctx = await setupTestApp();
  legal = (await signedIn(ctx, 'legal')).agent;
  support = (await signedIn(ctx, 'support')).agent;
  agency = await makeAgency(legal, { name: '=HYPERLINK("http://evil.example") Police' });
  for (let i = 0; i < 11; i++) {
    const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
    const request = await makeLegalRequest(legal, agency.id, {
      receivedAt: `2026-02-${day}T${String(8 + (i % 3)).padStart(2, '0')}:00:00Z`,
      // Some share a received instant, so the id must break ties.
      processType: i % 4 === 0 ? 'preservation' : 'subpoena',
    });
    created.push(request);
  }
});

describe('case lists', () => {
  it('gives every row exactly once, in order, for every sort', async () => {
    for (const sort of listSorts) {
      const all = await legal.get(`/api/legal-requests?agencyId=${agency.id}&sort=${sort}&limit=200`);
      expect(all.status).toBe(200);
      const paged = await pageThrough(
        legal,
        `/api/legal-requests?agencyId=${agency.id}&sort=${sort}&limit=3`,
        'requests',
      );
      expect(paged.map((r) => r.id)).toEqual(all.body.requests.map((r: any) => r.id));
      expect(new Set(paged.map((r) => r.id)).size).toBe(created.length);
      if (sort === 'received_desc') {
        const times = paged.map((r) => Date.parse(r.receivedAt));
        expect(times).toEqual([...times].sort((a, b) => b - a));
      }
      if (sort === 'reference') {
        const refs = paged.map((r) => r.reference);
        expect(refs).toEqual([...refs].sort());
      }
    }
  });

  it('pages every existing row exactly once while new rows are inserted concurrently', async () => {
    const before = new Set(created.map((r) => r.id));
    const inserted: string[] = [];
    for (const sort of ['received_desc', 'received_asc', 'deadline'] as const) {
      const seen = await pageThrough(
        legal,
        `/api/legal-requests?agencyId=${agency.id}&sort=${sort}&limit=2`,
        'requests',
        async () => {
          // Two writers land between pages, some before and some after the reader's position.
          const made = await Promise.all([
            makeLegalRequest(legal, agency.id, { receivedAt: '2026-02-01T00:00:00Z' }),
            makeLegalRequest(legal, agency.id, { receivedAt: '2026-02-28T23:00:00Z' }),
          ]);
          inserted.push(...made.map((r) => r.id));
        },
      );
      const ids = seen.map((r) => r.id);
      expect(new Set(ids).size, `${sort}: no duplicates`).toBe(ids.length);
      for (const id of before) expect(ids, `${sort}: ${id}`).toContain(id);
    }
    expect(inserted.length).toBeGreaterThan(0);
    created.push(...inserted.map((id) => ({ id, reference: '', receivedAt: '' })));
  });

  it('refuses a cursor from another order instead of skipping rows', async () => {
    const first = await legal.get(`/api/legal-requests?agencyId=${agency.id}&sort=reference&limit=2`);
    const res = await legal.get(
      `/api/legal-requests?agencyId=${agency.id}&sort=deadline&after=${first.body.nextAfter}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('after');
  });

  it('filters by received date, both ends included, and refuses a reversed range', async () => {
    const from = '2026-02-08';
    const to = '2026-02-15';
    const res = await legal.get(
      `/api/legal-requests?agencyId=${agency.id}&receivedFrom=${from}&receivedTo=${to}&limit=200`,
    );
    expect(res.status).toBe(200);
    const expected = (await legal.get(`/api/legal-requests?agencyId=${agency.id}&limit=200`)).body.requests.filter(
      (r: any) => r.receivedAt >= `${from}T00:00:00` && r.receivedAt < '2026-02-16T00:00:00',
    );
    expect(res.body.requests.map((r: any) => r.id).sort()).toEqual(expected.map((r: any) => r.id).sort());
    expect(expected.length).toBeGreaterThan(0);
    const reversed = await legal.get(`/api/legal-requests?receivedFrom=${to}&receivedTo=${from}`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.issues[0].path).toBe('receivedTo');
    const bad = await support.get('/api/complaints?receivedFrom=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('receivedFrom');
  });

  it('exports the whole filtered list to CSV, safe to open in a spreadsheet, and records the export', async () => {
    const res = await legal.request(
      'GET',
      `/api/legal-requests/export.csv?agencyId=${agency.id}&processType=subpoena&q=x`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="docket-legal-requests-.*\.csv"/);
    const lines = parseCsv(res.body as string);
    expect(lines[0]).toBe(
      'reference,status,process_type,agency,country,received_at,due_at,next_deadline_at,emergency,assignee,identifiers,ladder_exceeded',
    );
    const list = await legal.get(`/api/legal-requests?agencyId=${agency.id}&processType=subpoena&q=x&limit=200`);
    expect(lines.length - 1).toBe(list.body.requests.length);
    const all = await legal.request('GET', `/api/legal-requests/export.csv?agencyId=${agency.id}&processType=subpoena`);
    const rows = parseCsv(all.body as string).slice(1);
    const subpoenas = await pageThrough(
      legal,
      `/api/legal-requests?agencyId=${agency.id}&processType=subpoena&limit=200`,
      'requests',
    );
    expect(rows.map((row) => row.split(',')[0])).toEqual(subpoenas.map((r) => r.reference));
    expect(rows.length).toBeGreaterThan(0);
    // The agency name starts with "=": it leaves as text, never as a formula.
    expect(rows[0]).toContain(`"'=HYPERLINK(""http://evil.example"") Police"`);
    const event = await ctx.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'legal_request.exported')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.changes).toMatchObject({ agencyId: agency.id, processType: ['subpoena'] });
    const earlier = await ctx.deps.db
      .selectFrom('audit_events')
      .select('changes')
      .where('action', '=', 'legal_request.exported')
      .execute();
    expect(earlier.some((e) => (e.changes as any).q === '(search text)')).toBe(true);
  });

  it('exports complaints without the complainant, whoever asks', async () => {
    const complaint = await makeComplaint(support);
    const res = await support.request('GET', '/api/complaints/export.csv?view=all&sort=received_desc');
    expect(res.status).toBe(200);
    const text = res.body as string;
    expect(text).toContain(complaint.reference);
    expect(text).not.toContain(complaint.complainant.name);
    expect(text).not.toContain(complaint.complainant.email);
    expect(parseCsv(text)[0]).toBe('reference,status,channel,category,regime,received_at,next_deadline_at,escalated');
    // The email look-up is not an export filter.
    const withEmail = await support.request('GET', `/api/complaints/export.csv?email=${complaint.complainant.email}`);
    expect(withEmail.status).toBe(400);
  });

  it('pages complaints by received date too', async () => {
    for (let i = 0; i < 4; i++) await makeComplaint(support, { receivedAt: `2026-01-0${i + 1}T10:00:00Z` });
    const all = await support.get('/api/complaints?view=all&sort=received_asc&limit=200');
    const paged = await pageThrough(support, '/api/complaints?view=all&sort=received_asc&limit=2', 'complaints');
    expect(paged.map((c) => c.id)).toEqual(all.body.complaints.map((c: any) => c.id));
  });
});
