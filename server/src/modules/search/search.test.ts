import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../../test/support/agent';
import { makeAgency, makeComplaint, makeLegalRequest, signedIn } from '../../../../test/support/factories';
import { setupTestApp, type TestContext } from '../../../../test/support/test-app';
import { TEXT_CANDIDATES } from './search.queries';

let ctx: TestContext;
let legal: Agent;
let support: Agent;
let compliance: Agent;
const unique = Math.random().toString(36).slice(2, 8);

const search = async (agent: Agent, q: string, extra = '') => {
  const res = await agent.get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { results: any[]; searched: string[]; sampled: boolean };
};

let twice: any;
let once: any;
let inNote: any;
let byIdentifier: any;
let complaint: any;

beforeAll(async () => {
  ctx = await setupTestApp();
  legal = (await signedIn(ctx, 'legal')).agent;
  support = (await signedIn(ctx, 'support')).agent;
  compliance = (await signedIn(ctx, 'compliance')).agent;
  const agency = await makeAgency(legal, { name: `Quetzal County Sheriff ${unique}` });
  const other = await makeAgency(legal, { name: `Harbour Police ${unique}` });
  twice = await makeLegalRequest(legal, other.id, {
    summary: 'Counterfeiting ring: records of the counterfeiting accounts and their counterfeiting payments',
  });
  once = await makeLegalRequest(legal, other.id, { summary: 'Records of accounts linked to counterfeiting' });
  inNote = await makeLegalRequest(legal, other.id, { summary: 'Subscriber records for two accounts' });
  const note = await legal.post(`/api/legal-requests/${inNote.id}/notes`, {
    kind: 'scope',
    body: 'Possibly connected to the counterfeiting investigation',
  });
  expect(note.status).toBe(201);
  byIdentifier = await makeLegalRequest(legal, agency.id, {
    summary: 'Emergency request about a missing person',
    identifiers: [{ kind: 'email', value: `kestrel.${unique}@mail.example` }],
  });
  complaint = await makeComplaint(support, {
    summary: `My counterfeiting complaint about the marmoset ${unique} newsletter`,
    complainant: { name: 'Zebedee Canary', email: `zebedee.${unique}@complainant.example` },
  });
});

describe('search', () => {
  it('ranks text matches: more mentions above fewer, a summary above a note', async () => {
    const { results } = await search(legal, 'counterfeiting', '&kind=legal_request');
    const ids = results.map((r) => r.id);
    expect(ids.indexOf(twice.id)).toBeLessThan(ids.indexOf(once.id));
    expect(ids.indexOf(once.id)).toBeLessThan(ids.indexOf(inNote.id));
    expect(ids.indexOf(inNote.id)).toBeGreaterThan(-1);
    expect(results.find((r) => r.id === inNote.id).matchedOn).toEqual(['note']);
    expect(results.find((r) => r.id === twice.id).excerpt).toContain('«counterfeiting»');
  });

  it('finds a request by an identifier it names, exactly, and ranks that first', async () => {
    const { results } = await search(legal, `kestrel.${unique}@mail.example`);
    expect(results[0]).toMatchObject({ id: byIdentifier.id, kind: 'legal_request', matchedOn: ['identifier'] });
    // Case does not hide an identifier.
    const upper = await search(legal, `KESTREL.${unique}@MAIL.EXAMPLE`);
    expect(upper.results[0]?.id).toBe(byIdentifier.id);
    // Part of an identifier is not the identifier.
    const part = await search(legal, `kestrel.${unique}`);
    expect(part.results.some((r) => r.id === byIdentifier.id && r.matchedOn.includes('identifier'))).toBe(false);
  });

  it('finds a case by its exact reference first, and by a reference prefix', async () => {
    const { results } = await search(legal, byIdentifier.reference.toLowerCase());
    expect(results[0]).toMatchObject({ id: byIdentifier.id, matchedOn: ['reference'] });
    const prefix = await search(legal, byIdentifier.reference.slice(0, -2));
    expect(prefix.results.map((r) => r.id)).toContain(byIdentifier.id);
    const cp = await search(support, complaint.reference);
    expect(cp.results[0]).toMatchObject({ id: complaint.id, kind: 'complaint' });
  });

  it('finds requests by the agency that sent them', async () => {
    const { results } = await search(legal, `Quetzal ${unique}`);
    expect(results.map((r) => r.id)).toEqual([byIdentifier.id]);
    expect(results[0].matchedOn).toEqual(['agency']);
    expect(results[0].title).toContain('Quetzal County Sheriff');
  });

  it('lets nobody find what they may not open', async () => {
    // Support and compliance cannot open legal requests: none come back, whatever the term.
    for (const agent of [support, compliance]) {
      const found = await search(agent, `kestrel.${unique}@mail.example`);
      expect(found.results.filter((r) => r.kind === 'legal_request')).toEqual([]);
      expect(found.searched).not.toContain('legal_request');
      const byRef = await search(agent, twice.reference);
      expect(byRef.results).toEqual([]);
    }
  });

  it('never lets compliance find a complainant by personal data, while support can', async () => {
    const email = `zebedee.${unique}@complainant.example`;
    expect((await search(support, email)).results.map((r) => r.id)).toEqual([complaint.id]);
    expect((await search(support, `marmoset ${unique}`)).results.map((r) => r.id)).toEqual([complaint.id]);
    expect((await search(compliance, email)).results).toEqual([]);
    expect((await search(compliance, `marmoset ${unique}`)).results).toEqual([]);
    expect((await search(compliance, 'Zebedee')).results).toEqual([]);
    // By reference compliance does find it, and sees no excerpt or name.
    const byRef = await search(compliance, complaint.reference);
    expect(byRef.results).toHaveLength(1);
    expect(JSON.stringify(byRef.results)).not.toMatch(/Zebedee|marmoset/);
  });

  it('refuses a bad query with a 400 naming the field', async () => {
    const res = await legal.get('/api/search?q=x');
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('q');
    const res2 = await legal.get('/api/search?q=abc&limit=500');
    expect(res2.body.error.issues[0].path).toBe('limit');
  });

  it('ranks only a sample of a very common word and says so; a rarer word is ranked in full', async () => {
    const word = `axolotl${unique}`;
    const agency = await makeAgency(legal, { name: `Sample County ${unique}` });
    // One more request than a text branch ranks, made ten at a time.
    for (let made = 0; made <= TEXT_CANDIDATES; made += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, TEXT_CANDIDATES + 1 - made) }, () =>
          makeLegalRequest(legal, agency.id, { summary: `Records about the ${word} smuggling` }),
        ),
      );
    }
    const common = await search(legal, word);
    expect(common.sampled).toBe(true);
    expect(common.results).toHaveLength(20);
    expect(common.results.every((r) => r.matchedOn.includes('summary'))).toBe(true);
    const rare = await search(legal, 'counterfeiting');
    expect(rare.sampled).toBe(false);
  });

  it('treats search syntax in the text as words, not as an error', async () => {
    for (const q of ["'; drop table legal_requests; --", '!!! & | ( )', '"unterminated', 'a:*', '%_\\']) {
      const res = await legal.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
  });
});
