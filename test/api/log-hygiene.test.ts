import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '@docket/server/lib/logger';
import { beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../support/agent';
import { makePerson } from '../support/factories';
import { setupTestApp, type TestContext } from '../support/test-app';

// A complainant's personal data and the free text about them must never reach a log line, whatever
// the request does with them: log, read, look up, edit, refuse, contact, escalate. Canaries are
// distinctive values; the logger runs at `trace` so no level hides a leak.

let ctx: TestContext;
const lines: string[] = [];

beforeAll(async () => {
  ctx = await setupTestApp();
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  // The app reads deps.logger on every use, so swapping it captures everything from here on.
  ctx.deps.logger = createLogger('trace', sink);
});

const tag = () => randomBytes(5).toString('hex');

function canaries() {
  const t = tag();
  return {
    name: `Canaryname Quill${t}`,
    email: `canary.${t}@complainant.example`,
    phone: `+44 7700 9${t.replace(/\D/g, '').padEnd(5, '7').slice(0, 5)}`,
    postalAddress: `${t} Canary Wharf Lane, London E14 5AB`,
    summary: `Canary summary ${t}: you sold my data`,
  };
}

async function signedInAs(role: 'support' | 'legal') {
  const person = await makePerson(ctx, { role });
  const agent = new Agent(ctx, `198.51.100.${Math.floor(Math.random() * 200) + 1}`);
  const res = await agent.post('/api/auth/sign-in', { email: person.email, password: person.password });
  expect(res.status).toBe(200);
  return { agent, person };
}

describe('log hygiene with complainant canaries', () => {
  it('logs, reads, looks up, edits, contacts and escalates a complaint without any canary in the log', async () => {
    const { agent: support, person } = await signedInAs('support');
    const first = canaries();
    const second = canaries();
    const extra = { contact: `Canary contact note ${tag()}`, escalation: `Canary escalation file ${tag()}` };
    const before = lines.length;

    const created = await support.post('/api/complaints', {
      channel: 'email',
      receivedAt: '2026-03-02T09:00:00Z',
      complainant: { name: first.name, email: first.email, phone: first.phone, postalAddress: first.postalAddress },
      category: 'access',
      regime: 'gdpr',
      summary: first.summary,
    });
    expect(created.status).toBe(201);
    let complaint = created.body.complaint;
    const id: string = complaint.id;

    const read = await support.get(`/api/complaints/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.complaint.complainant.name).toBe(first.name);
    const found = await support.get(`/api/complaints?view=all&email=${encodeURIComponent(first.email)}`);
    expect(found.body.complaints.map((c: { id: string }) => c.id)).toEqual([id]);
    await support.get(`/api/search?q=${encodeURIComponent(first.name)}`);

    // Refused edits carry canaries too: a stale version, and an invalid email.
    const stale = await support.patch(`/api/complaints/${id}`, {
      version: complaint.version + 5,
      complainant: { name: second.name },
    });
    expect(stale.status).toBe(409);
    const invalid = await support.patch(`/api/complaints/${id}`, {
      version: complaint.version,
      complainant: { email: `not-an-email ${second.email}` },
    });
    expect(invalid.status).toBe(400);

    const edited = await support.patch(`/api/complaints/${id}`, {
      version: complaint.version,
      complainant: { name: second.name, email: second.email, phone: second.phone, postalAddress: second.postalAddress },
      summary: second.summary,
    });
    expect(edited.status).toBe(200);
    complaint = edited.body.complaint;
    expect(complaint.complainant.email).toBe(second.email);

    const step = async (path: string, json: Record<string, unknown>, status = 200) => {
      const res = await support.request('POST', `/api/complaints/${id}${path}`, {
        json: { version: complaint.version, ...json },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      complaint = res.body.complaint;
    };
    await step('/transitions', { to: 'acknowledged' });
    const contact = await support.post(`/api/complaints/${id}/contacts`, {
      occurredAt: '2026-03-03T10:00:00Z',
      direction: 'out',
      channel: 'phone',
      summary: `${extra.contact} — called ${second.name} on ${second.phone}`,
    });
    expect(contact.status).toBe(201);
    complaint = contact.body.complaint;
    await step('/transitions', { to: 'investigating' });
    const regulators = (await support.get('/api/regulators')).body.regulators as { id: string; shortName: string }[];
    const ico = regulators.find((r) => r.shortName === 'ICO');
    if (!ico) throw new Error('the regulator registry has no ICO');
    await step(
      '/escalations',
      {
        regulatorId: ico.id,
        openedAt: '2026-04-10T09:00:00Z',
        regulatorReference: `ICO-${tag()}`,
        sentSummary: `${extra.escalation} about ${second.name}, ${second.postalAddress}`,
      },
      201,
    );
    expect(complaint.status).toBe('escalated');
    expect((await support.get(`/api/complaints/${id}`)).body.complaint.escalations).toHaveLength(1);

    const logged = lines.slice(before);
    // The flow was logged (one line per request, with its path), so the check below means something.
    expect(logged.filter((line) => line.includes(`/api/complaints/${id}`)).length).toBeGreaterThanOrEqual(8);
    const text = logged.join('\n');
    const secrets = [
      ...Object.values(first),
      ...Object.values(second),
      ...Object.values(extra),
      person.email,
      person.password,
      support.sessionToken as string,
      // Distinctive pieces, in case a value is logged cut or re-cased.
      first.name.split(' ')[1] as string,
      second.name.split(' ')[1] as string,
      first.email.split('@')[0] as string,
      second.email.split('@')[0] as string,
      first.email.toUpperCase(),
    ];
    for (const secret of secrets) {
      expect(text.toLowerCase(), `a log line contains ${secret}`).not.toContain(secret.toLowerCase());
    }
  });

  it('keeps canaries out of the log when legal reads a complaint support logged', async () => {
    const { agent: support } = await signedInAs('support');
    const { agent: legal } = await signedInAs('legal');
    const values = canaries();
    const { summary, ...complainant } = values;
    const before = lines.length;
    const created = await support.post('/api/complaints', {
      channel: 'letter',
      receivedAt: '2026-03-02T09:00:00Z',
      complainant,
      category: 'erasure',
      summary,
    });
    expect(created.status).toBe(201);
    const asLegal = await legal.get(`/api/complaints/${created.body.complaint.id}`);
    expect(asLegal.status).toBe(200);
    expect(asLegal.body.complaint.complainant.postalAddress).toBe(values.postalAddress);
    const text = lines.slice(before).join('\n').toLowerCase();
    expect(text).toContain(`/api/complaints/${created.body.complaint.id}`);
    for (const value of Object.values(values)) expect(text).not.toContain(value.toLowerCase());
  });
});
