import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../../test/support/agent';
import { makeAgency, makeLegalRequest, signedIn } from '../../../../test/support/factories';
import { setupTestApp, type TestContext } from '../../../../test/support/test-app';
import { keptBytes } from '../../lib/page-cache';

// A server answers a case read from the page it kept only while the database says the case is as it was
// (migration 2026-11-23-0012). Each test below plants a marker in the kept page (what the server would
// answer from memory), checks the marker is answered, then changes the case, some of the ways through
// the API and some by SQL that no server sent, and checks the next read is the case as it now is.

let ctx: TestContext;
let legal: Agent;
let legalId: string;
let agencyId: string;

beforeAll(async () => {
  ctx = await setupTestApp();
  const signed = await signedIn(ctx, 'legal');
  legal = signed.agent;
  legalId = signed.person.user.id;
  agencyId = (await makeAgency(legal, { name: 'Metropolitan Police' })).id;
});

const MARKER = 'Kept page, not read again';
const read = async (id: string, agent = legal) => {
  const res = await agent.get(`/api/legal-requests/${id}`);
  expect(res.status).toBe(200);
  return res.body.request;
};

/** Reads the case, so the server keeps its page, and puts the marker in that page's summary. */
async function plantMarker(id: string) {
  await read(id);
  const kept = ctx.deps.pages.get(id);
  if (!kept) throw new Error('the case read kept no page');
  const json = kept.body.toString();
  const marked = json.replace(/"summary":"(?:[^"\\]|\\.)*"/, `"summary":${JSON.stringify(MARKER)}`);
  expect(marked).not.toBe(json);
  ctx.deps.pages.set(id, { ...kept, body: keptBytes(marked) });
  // Nothing changed yet: the kept page (with its marker) is what the server answers.
  expect((await read(id)).summary).toBe(MARKER);
}

describe('kept case pages', () => {
  it('answer the same JSON as a case read whole, with its clocks computed at each read', async () => {
    const made = await makeLegalRequest(legal, agencyId, { receivedAt: new Date().toISOString() });
    ctx.deps.pages.delete(made.id);
    const whole = await legal.get(`/api/legal-requests/${made.id}`);
    const kept = await legal.get(`/api/legal-requests/${made.id}`);
    expect(kept.body).toEqual(whole.body);
    expect(kept.headers.get('etag')).toBe(`"${made.version}"`);
    expect(kept.headers.get('content-type')).toBe('application/json');
    expect(whole.body.request.clocks[0]).toMatchObject({ kind: 'response_due', state: 'pending' });

    await plantMarker(made.id);
    // The same kept page a month later: the clock is overdue, though the case did not change. (Read by
    // someone signed in then: a session would not last the month.)
    const now = ctx.clock.now();
    const at = async (time: number) => {
      ctx.clock.set(new Date(time));
      return read(made.id, (await signedIn(ctx, 'legal')).agent);
    };
    try {
      const later = await at(now.getTime() + 31 * 24 * 60 * 60 * 1000);
      expect(later.summary).toBe(MARKER);
      expect(later.clocks[0]).toMatchObject({ kind: 'response_due', state: 'overdue' });
      // To the millisecond: due soon until the due time, overdue just after it.
      const due = Date.parse(whole.body.request.clocks[0].dueAt);
      for (const [time, state] of [
        [due - 7 * 24 * 60 * 60 * 1000, 'pending'],
        [due - 7 * 24 * 60 * 60 * 1000 + 1, 'due_soon'],
        [due, 'due_soon'],
        [due + 1, 'overdue'],
      ] as const) {
        const view = await at(time);
        expect(view.summary).toBe(MARKER);
        expect(view.clocks[0].state, new Date(time).toISOString()).toBe(state);
      }
    } finally {
      ctx.clock.set(now);
    }
  });

  it('are read again after each change through the API: an edit, a note, a pushback, a file', async () => {
    let r = await makeLegalRequest(legal, agencyId);
    await plantMarker(r.id);
    r = (await legal.patch(`/api/legal-requests/${r.id}`, { version: r.version, country: 'GB' })).body.request;
    expect(await read(r.id)).toMatchObject({ country: 'GB', summary: 'Grand jury subpoena for subscriber records' });

    await plantMarker(r.id);
    const note = await legal.post(`/api/legal-requests/${r.id}/notes`, { kind: 'review', body: 'Checked the seal.' });
    expect(note.status).toBe(201);
    const afterNote = await read(r.id);
    expect(afterNote.summary).not.toBe(MARKER);
    expect(afterNote.notes.map((n: { body: string }) => n.body)).toEqual(['Checked the seal.']);
    expect(afterNote.version).toBe(r.version); // a note is not an edit: open edit forms stay valid

    await plantMarker(r.id);
    r = (await legal.post(`/api/legal-requests/${r.id}/transitions`, { version: r.version, to: 'in_review' })).body
      .request;
    const opened = await legal.post(`/api/legal-requests/${r.id}/pushbacks`, {
      version: r.version,
      grounds: ['overbroad'],
      asked: 'Everything',
      proposed: 'Subscriber records only',
    });
    expect(opened.status).toBe(201);
    expect(await read(r.id)).toMatchObject({ status: 'pushback', pushbacks: [{ grounds: ['overbroad'] }] });

    await plantMarker(r.id);
    const file = Buffer.from('a,b\n1,2\n');
    const upload = await legal.request(
      'POST',
      `/api/legal-requests/${r.id}/attachments?kind=correspondence&filename=reply.csv`,
      {
        body: file as unknown as string,
        headers: { 'content-type': 'text/csv' },
      },
    );
    expect(upload.status).toBe(201);
    const afterUpload = await read(r.id);
    expect(afterUpload.summary).not.toBe(MARKER);
    expect(afterUpload.attachments).toMatchObject([
      { filename: 'reply.csv', sha256: createHash('sha256').update(file).digest('hex') },
    ]);
  });

  it('are read again after changes no server sent: SQL on the case, its lists, and the names it shows', async () => {
    const r = await makeLegalRequest(legal, agencyId);
    const db = ctx.database.db;
    await legal.post(`/api/legal-requests/${r.id}/notes`, { kind: 'scope', body: 'First note' });

    const changes: [string, () => Promise<unknown>, (view: Record<string, any>) => void][] = [
      [
        'the case row',
        () => sql`update legal_requests set summary = 'Changed by SQL' where id = ${r.id}`.execute(db),
        (v) => expect(v.summary).toBe('Changed by SQL'),
      ],
      [
        'a note inserted',
        () =>
          sql`insert into legal_request_notes (request_id, kind, body) values (${r.id}, 'review', 'By SQL')`.execute(
            db,
          ),
        (v) => expect(v.notes.map((n: { body: string }) => n.body)).toContain('By SQL'),
      ],
      [
        'a note deleted',
        () => sql`delete from legal_request_notes where request_id = ${r.id} and body = 'By SQL'`.execute(db),
        (v) => expect(v.notes.map((n: { body: string }) => n.body)).toEqual(['First note']),
      ],
      [
        'an identifier updated',
        () => sql`update legal_request_identifiers set outcome = 'not_found' where request_id = ${r.id}`.execute(db),
        (v) => expect(v.identifiers.map((i: { outcome: string }) => i.outcome)).toEqual(['not_found', 'not_found']),
      ],
      [
        'the agency renamed',
        () => sql`update agencies set name = 'Metropolitan Police Service' where id = ${agencyId}`.execute(db),
        (v) => expect(v.agencyName).toBe('Metropolitan Police Service'),
      ],
      [
        'the note author renamed',
        () => sql`update users set name = 'Renamed Person' where id = ${legalId}`.execute(db),
        (v) => expect(v.notes[0].authorName).toBe('Renamed Person'),
      ],
    ];
    for (const [what, change, check] of changes) {
      await plantMarker(r.id);
      await change();
      const view = await read(r.id);
      expect(view.summary, what).not.toBe(MARKER);
      check(view);
    }
  });

  it('are kept from a case’s first read, and nothing is kept for a case that does not exist (still 404)', async () => {
    const r = await makeLegalRequest(legal, agencyId);
    ctx.deps.pages.delete(r.id);
    const before = ctx.deps.pages.size;
    const missing = await legal.get('/api/legal-requests/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(ctx.deps.pages.size).toBe(before);
    await read(r.id);
    expect(ctx.deps.pages.size).toBe(before + 1);
  });
});
