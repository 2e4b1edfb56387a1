import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { createDb } from '@docket/db/create-db';
import { ManualClock } from '@docket/server/lib/clock';
import { updatePerson } from '@docket/server/modules/users/users.service';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../test/support/agent';
import {
  complaintInput,
  makeAgency,
  makeComplaint,
  makeLegalRequest,
  signedIn,
  type TestPerson,
} from '../../../../test/support/factories';
import { setupTestApp, TEST_ORIGIN, type TestContext } from '../../../../test/support/test-app';
import { type ReminderDeps, runReminders } from './notifications.scheduler';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface SunkMail {
  to: string[];
  subject: string;
  /** Headers and body, decoded: what a mail client would show. */
  text: string;
  raw: string;
}

/** A local SMTP server that keeps every message it is given: what the reminders are tested against. */
async function startSmtpSink() {
  const messages: SunkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decodeMail(raw), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const qp = (s: string) =>
  Buffer.from(
    s
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

function decodeMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  let body = raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'quoted-printable') body = qp(body);
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const words = (value: string) =>
    value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
  const subject = words(/^subject:\s*(.*)$/im.exec(head)?.[1] ?? '');
  return { subject, text: `${words(head)}\r\n\r\n${body}` };
}

/** A port nothing listens on: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let ctx: TestContext;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let agencyId: string;

beforeAll(async () => {
  ctx = await setupTestApp();
  sink = await startSmtpSink();
  const { agent } = await signedIn(ctx, 'legal');
  agencyId = (await makeAgency(agent)).id;
});

afterAll(async () => {
  await sink?.close();
});

/** The app's own dependencies, with SMTP pointed at the sink (or elsewhere). */
const mailing = (smtpUrl = sink.url): ReminderDeps => ({ ...ctx.deps, config: { ...ctx.deps.config, smtpUrl } });
const run = () => runReminders(mailing());

const iso = (ms: number) => new Date(ms).toISOString();
const now = () => ctx.clock.now().getTime();

async function notificationsOf(entityId: string) {
  return ctx.deps.db
    .selectFrom('notifications')
    .selectAll()
    .where('entity_id', '=', entityId)
    .orderBy('user_id')
    .orderBy('kind')
    .orderBy('clock')
    .execute();
}

const mailsTo = (person: TestPerson) => sink.messages.filter((m) => m.to.includes(person.email));
/** Mails to the person about one case (new people also hear of older unassigned cases). */
const mailsAbout = (person: TestPerson, reference: string) =>
  mailsTo(person).filter((m) => m.subject.includes(`${reference}:`));

/** A new session for someone made earlier (sessions end when the test clock moves on). */
async function signInAgain(person: TestPerson) {
  const agent = new Agent(ctx);
  const res = await agent.post('/api/auth/sign-in', { email: person.email, password: person.password });
  expect(res.status).toBe(200);
  return agent;
}

async function disable(person: TestPerson) {
  const row = await ctx.deps.db
    .selectFrom('users')
    .select('version')
    .where('id', '=', person.user.id)
    .executeTakeFirstOrThrow();
  await updatePerson(ctx.deps, { userId: null, requestId: 'test' }, person.user.id, {
    version: row.version,
    status: 'disabled',
  });
}

async function activeIds(role: string) {
  const rows = await ctx.deps.db
    .selectFrom('users')
    .select('id')
    .where('role', '=', role)
    .where('status', '=', 'active')
    .where('kind', '=', 'person')
    .execute();
  return rows.map((r) => r.id).sort();
}

describe('who is reminded of what', () => {
  it('reminds the assignee of a request due within 24 hours, by notification and email, and once', async () => {
    const { agent, person } = await signedIn(ctx, 'legal');
    const { person: colleague } = await signedIn(ctx, 'legal');
    const request = await makeLegalRequest(agent, agencyId, {
      receivedAt: iso(now() - 2 * DAY),
      dueAt: iso(now() + 5 * HOUR),
      assigneeId: person.user.id,
    });
    const secret = request.identifiers.map((i: { value: string }) => i.value);
    const later = await makeLegalRequest(agent, agencyId, {
      receivedAt: iso(now() - DAY),
      dueAt: iso(now() + 3 * DAY),
      assigneeId: person.user.id,
    });

    const first = await run();
    expect(first.created).toBeGreaterThanOrEqual(1);
    const rows = await notificationsOf(request.id);
    expect(rows.map((r) => [r.user_id, r.kind, r.clock])).toEqual([
      [person.user.id, 'deadline_due_soon', 'response_due'],
    ]);
    expect(rows[0]?.due_at.toISOString()).toBe(request.dueAt);
    expect(rows[0]?.title).toBe(`${request.reference}: Response due (due within 24 hours)`);
    expect(rows[0]?.email_sent_at).not.toBeNull();
    // Due in three days is not "due soon" for a reminder yet; the colleague hears of neither.
    expect(await notificationsOf(later.id)).toEqual([]);
    expect(mailsTo(colleague)).toEqual([]);

    const mails = mailsTo(person);
    expect(mails).toHaveLength(1);
    const mail = mails[0] as SunkMail;
    expect(mail.to).toEqual([person.email]);
    expect(mail.subject).toBe(`[Docket] ${request.reference}: Response due (due within 24 hours)`);
    expect(mail.text).toContain(`${TEST_ORIGIN}/requests/${request.id}`);
    expect(mail.text).toContain(`Due: ${request.dueAt.slice(0, 16).replace('T', ' ')} UTC`);
    for (const value of [...secret, request.summary]) expect(mail.raw).not.toContain(value);

    // Running again at once finds nothing new and sends nothing.
    const second = await run();
    expect(second).toEqual({ skipped: false, created: 0, emailed: 0, emailFailed: 0 });
    expect(mailsTo(person)).toHaveLength(1);

    // Six hours on the deadline has passed: one more reminder, "overdue", then nothing again.
    ctx.clock.advance(6 * HOUR);
    await run();
    expect((await notificationsOf(request.id)).map((r) => r.kind)).toEqual(['deadline_due_soon', 'deadline_overdue']);
    expect(mailsTo(person).map((m) => m.subject)).toEqual([
      `[Docket] ${request.reference}: Response due (due within 24 hours)`,
      `[Docket] ${request.reference}: Response due (overdue)`,
    ]);
    expect((await run()).created).toBe(0);
    expect(mailsTo(person)).toHaveLength(2);
  });

  it('sends an unassigned request to every active legal person, and one whose assignee left likewise', async () => {
    const { agent } = await signedIn(ctx, 'legal');
    const { person: leaving } = await signedIn(ctx, 'legal');
    const { person: assignee } = await signedIn(ctx, 'legal');
    const unassigned = await makeLegalRequest(agent, agencyId, {
      receivedAt: iso(now() - 20 * DAY),
      dueAt: iso(now() - HOUR),
    });
    const orphaned = await makeLegalRequest(agent, agencyId, {
      receivedAt: iso(now() - 20 * DAY),
      dueAt: iso(now() + 2 * HOUR),
      assigneeId: assignee.user.id,
    });
    await disable(leaving);
    await disable(assignee);

    await run();
    const legal = await activeIds('legal');
    expect(legal).not.toContain(leaving.user.id);
    const toUnassigned = await notificationsOf(unassigned.id);
    expect(toUnassigned.map((r) => r.user_id).sort()).toEqual(legal);
    expect(new Set(toUnassigned.map((r) => r.kind))).toEqual(new Set(['deadline_overdue']));
    const toOrphaned = await notificationsOf(orphaned.id);
    expect(toOrphaned.map((r) => r.user_id).sort()).toEqual(legal);
    expect(toOrphaned.map((r) => r.user_id)).not.toContain(assignee.user.id);
    // Admins, support and compliance are not legal people.
    for (const role of ['admin', 'support', 'compliance']) {
      for (const id of await activeIds(role)) expect(toUnassigned.map((r) => r.user_id)).not.toContain(id);
    }
    expect(mailsTo(leaving)).toEqual([]);
    expect(mailsTo(assignee)).toEqual([]);
    // Out of the way of the people later tests make (they would be told of these too).
    for (const r of [unassigned, orphaned]) {
      const res = await agent.post(`/api/legal-requests/${r.id}/transitions`, {
        version: r.version,
        to: 'withdrawn',
        reason: 'Test done',
      });
      expect(res.status).toBe(200);
    }
  });

  it("reminds whoever logged a complaint of its clocks, without the complainant's personal data", async () => {
    const { agent: support, person: logger } = await signedIn(ctx, 'support');
    const input = complaintInput({ receivedAt: iso(now() - 10 * DAY) });
    const complaint = await makeComplaint(support, input);
    // What the case page calls overdue (or due within a day), except the clocks that drive no queue.
    const expected = complaint.clocks
      .filter(
        (c: { kind: string; state: string; dueAt: string }) =>
          !['summary_resolution', 'extension_notice'].includes(c.kind) &&
          (c.state === 'overdue' || (c.state === 'due_soon' && Date.parse(c.dueAt) < now() + DAY)),
      )
      .map((c: { kind: string }) => c.kind)
      .sort();
    expect(expected).toEqual(['acknowledge', 'first_contact']);

    await run();
    const rows = await notificationsOf(complaint.id);
    expect(rows.map((r) => r.clock).sort()).toEqual(expected);
    expect(new Set(rows.map((r) => r.user_id))).toEqual(new Set([logger.user.id]));
    expect(rows.every((r) => r.kind === 'deadline_overdue')).toBe(true);

    const mails = mailsTo(logger);
    expect(mails).toHaveLength(expected.length);
    const personal = [
      input.complainant.name,
      input.complainant.email,
      input.complainant.phone,
      input.complainant.postalAddress,
      input.summary,
    ];
    for (const mail of mails) {
      expect(mail.subject).toContain(complaint.reference);
      expect(mail.text).toContain(`${TEST_ORIGIN}/complaints/${complaint.id}`);
      for (const value of personal) {
        expect(mail.raw).not.toContain(value);
        expect(mail.text).not.toContain(value);
      }
    }
    for (const row of rows) for (const value of personal) expect(row.title).not.toContain(value);
  });

  it('passes a complaint to every active support person once the person who logged it has left', async () => {
    const { agent: support, person: logger } = await signedIn(ctx, 'support');
    await signedIn(ctx, 'support');
    const complaint = await makeComplaint(support, { receivedAt: iso(now() - 10 * DAY) });
    await disable(logger);
    await run();
    const rows = await notificationsOf(complaint.id);
    const supportPeople = await activeIds('support');
    expect([...new Set(rows.map((r) => r.user_id))].sort()).toEqual(supportPeople);
    expect(supportPeople).not.toContain(logger.user.id);
    expect(mailsTo(logger)).toEqual([]);
  });

  it('reports a nondisclosure order that ended while user notice is delayed or undecided', async () => {
    const { agent, person } = await signedIn(ctx, 'legal');
    const tomorrow = iso(now() + DAY).slice(0, 10);
    const gag = { kind: 'until', until: tomorrow, statute: '18 U.S.C. 2705(b)' };
    const make = () =>
      makeLegalRequest(agent, agencyId, {
        receivedAt: iso(now() - 5 * DAY),
        dueAt: '2099-12-31T00:00:00Z',
        nondisclosure: gag,
        assigneeId: person.user.id,
      });
    const act = async (r: { id: string; version: number }, path: string, json: object, method = 'POST') => {
      const res = await agent.request(method, `/api/legal-requests/${r.id}${path}`, {
        json: { version: r.version, ...json },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.request;
    };
    let delayed = await make();
    delayed = await act(delayed, '/transitions', { to: 'in_review' });
    delayed = await act(delayed, '/decision', { disposition: 'none', reason: 'Nothing held' }, 'PUT');
    delayed = await act(delayed, '/notice', { decision: 'delay', reason: 'Order in force' }, 'PUT');
    const undecided = await make();
    let withdrawn = await make();
    withdrawn = await act(withdrawn, '/transitions', { to: 'withdrawn', reason: 'The agency withdrew it' });

    await run();
    expect(await notificationsOf(delayed.id)).toEqual([]);
    expect(await notificationsOf(undecided.id)).toEqual([]);

    // The order ends at the start of its last day.
    ctx.clock.set(new Date(`${tomorrow}T01:00:00Z`));
    await run();
    const ended = await notificationsOf(delayed.id);
    expect(ended.map((r) => [r.user_id, r.kind, r.clock, r.due_at.toISOString()])).toEqual([
      [person.user.id, 'nondisclosure_ended', 'nondisclosure_expiry', `${tomorrow}T00:00:00.000Z`],
    ]);
    expect(ended[0]?.title).toBe(`${delayed.reference}: Nondisclosure order ended, user notice still delayed`);
    const open = await notificationsOf(undecided.id);
    expect(open.map((r) => [r.kind, r.title])).toEqual([
      ['nondisclosure_ended', `${undecided.reference}: Nondisclosure order ended, user notice not decided yet`],
    ]);
    expect(await notificationsOf(withdrawn.id)).toEqual([]);
    expect(mailsAbout(person, delayed.reference).map((m) => m.subject)).toEqual([`[Docket] ${ended[0]?.title}`]);
    expect(mailsAbout(person, undecided.reference)).toHaveLength(1);
    expect(mailsAbout(person, withdrawn.reference)).toEqual([]);
  });

  it('says nothing about closed, withdrawn or rejected requests, however late they are', async () => {
    const { agent, person } = await signedIn(ctx, 'legal');
    const base = { receivedAt: iso(now() - 30 * DAY), dueAt: iso(now() - 10 * DAY), assigneeId: person.user.id };
    const step = async (r: { id: string; version: number }, path: string, json: object, method = 'POST') => {
      const res = await agent.request(method, `/api/legal-requests/${r.id}${path}`, {
        json: { version: r.version, ...json },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.request;
    };
    let closed = await makeLegalRequest(agent, agencyId, base);
    closed = await step(closed, '/transitions', { to: 'in_review' });
    closed = await step(closed, '/decision', { disposition: 'none', reason: 'Nothing held' }, 'PUT');
    closed = await step(
      closed,
      '/response',
      {
        sentAt: iso(now() - HOUR),
        method: 'secure_portal',
        producedCategories: [],
        outcomes: closed.identifiers.map((i: { id: string }) => ({ identifierId: i.id, outcome: 'not_found' })),
      },
      'PUT',
    );
    closed = await step(closed, '/notice', { decision: 'notify', reason: 'No order' }, 'PUT');
    closed = await step(closed, '/transitions', { to: 'closed' });
    expect(closed.status).toBe('closed');
    const withdrawn = await step(await makeLegalRequest(agent, agencyId, base), '/transitions', {
      to: 'withdrawn',
      reason: 'Withdrawn by the agency',
    });
    const rejected = await step(await makeLegalRequest(agent, agencyId, base), '/transitions', {
      to: 'rejected',
      reason: 'Not addressed to us',
    });
    const open = await makeLegalRequest(agent, agencyId, base);

    await run();
    for (const r of [closed, withdrawn, rejected]) expect(await notificationsOf(r.id)).toEqual([]);
    // The control: the same dates on an open request are overdue.
    expect((await notificationsOf(open.id)).map((r) => r.kind)).toEqual(['deadline_overdue']);
    for (const r of [closed, withdrawn, rejected]) expect(mailsAbout(person, r.reference)).toEqual([]);
    expect(mailsAbout(person, open.reference)).toHaveLength(1);
  });
});

describe('two schedulers at once', () => {
  /** Four requests due within hours for one legal person, and an overdue complaint for one support person. */
  async function dueWork() {
    const { agent, person } = await signedIn(ctx, 'legal');
    const requests: { id: string; reference: string }[] = [];
    for (let i = 0; i < 4; i++) {
      requests.push(
        await makeLegalRequest(agent, agencyId, {
          receivedAt: iso(now() - 3 * DAY),
          dueAt: iso(now() + (i + 1) * HOUR),
          assigneeId: person.user.id,
        }),
      );
    }
    const { agent: support, person: logger } = await signedIn(ctx, 'support');
    const complaint = await makeComplaint(support, { receivedAt: iso(now() - 10 * DAY) });
    return { person, requests, logger, complaint };
  }

  /**
   * Two servers: separate dependencies and clocks (and on PostgreSQL separate connection pools) on one
   * database, each running the reminders at the same moment.
   */
  async function twoServersRun(smtpUrl: string | undefined) {
    const second =
      ctx.database.kind === 'postgres' && ctx.database.url
        ? createDb({ kind: 'postgres', url: ctx.database.url, poolSize: 3 })
        : null;
    // A moment no earlier run used, so this run's rows can be told apart by their timestamps.
    ctx.clock.advance(1000);
    const at = ctx.clock.now();
    const config = { ...ctx.deps.config, smtpUrl };
    try {
      const one: ReminderDeps = { ...ctx.deps, config, clock: new ManualClock(at) };
      const two: ReminderDeps = { ...ctx.deps, config, db: second?.db ?? ctx.deps.db, clock: new ManualClock(at) };
      return { at, results: await Promise.all([runReminders(one), runReminders(two)]) };
    } finally {
      await second?.close();
    }
  }

  async function checkOnePerReminder(work: Awaited<ReturnType<typeof dueWork>>) {
    for (const r of work.requests) {
      const rows = await notificationsOf(r.id);
      expect(rows.map((n) => [n.user_id, n.kind])).toEqual([[work.person.user.id, 'deadline_due_soon']]);
      expect(mailsAbout(work.person, r.reference)).toHaveLength(1);
    }
    const aboutComplaint = (await notificationsOf(work.complaint.id)).filter((n) => n.user_id === work.logger.user.id);
    expect(aboutComplaint.length).toBeGreaterThan(0);
    expect(mailsAbout(work.logger, work.complaint.reference)).toHaveLength(aboutComplaint.length);
  }

  const pairsOf = (mails: SunkMail[]) => mails.map((m) => `${m.to.join(',')} ${m.subject}`);

  it('create exactly one notification and send exactly one email per reminder', async () => {
    const work = await dueWork();
    const sentBefore = sink.messages.length;
    const { at, results } = await twoServersRun(sink.url);

    const created = await ctx.deps.db
      .selectFrom('notifications')
      .select(['id', 'email_sent_at'])
      .where('created_at', '=', at)
      .execute();
    expect(created.length).toBeGreaterThanOrEqual(work.requests.length + 1);
    expect(results[0].created + results[1].created).toBe(created.length);
    expect(created.every((n) => n.email_sent_at?.getTime() === at.getTime())).toBe(true);
    const emailed = await ctx.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('email_sent_at', '=', at)
      .execute();
    expect(results[0].emailed + results[1].emailed).toBe(emailed.length);
    const sent = sink.messages.slice(sentBefore);
    expect(sent).toHaveLength(emailed.length);
    expect(new Set(pairsOf(sent)).size).toBe(sent.length);
    await checkOnePerReminder(work);

    // And both again: nothing new from either.
    const again = await twoServersRun(sink.url);
    expect(again.results.map((r) => r.created + r.emailed)).toEqual([0, 0]);
  });

  it('send each waiting email exactly once when both find it unsent', async () => {
    const work = await dueWork();
    // Recorded while no SMTP server was configured: every email of this run waits in the outbox.
    const recorded = await runReminders({ ...ctx.deps, config: { ...ctx.deps.config, smtpUrl: undefined } });
    expect(recorded.created).toBeGreaterThanOrEqual(work.requests.length + 1);
    const waiting = await ctx.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('email_sent_at', 'is', null)
      .where('created_at', '>', new Date(now() - 7 * DAY))
      .execute();
    expect(waiting.length).toBeGreaterThanOrEqual(recorded.created);

    const sentBefore = sink.messages.length;
    const { results } = await twoServersRun(sink.url);
    expect(results[0].created + results[1].created).toBe(0);
    expect(results[0].emailed + results[1].emailed).toBe(waiting.length);
    const sent = sink.messages.slice(sentBefore);
    expect(sent).toHaveLength(waiting.length);
    expect(new Set(pairsOf(sent)).size).toBe(sent.length);
    const stillWaiting = await ctx.deps.db
      .selectFrom('notifications')
      .select('id')
      .where(
        'id',
        'in',
        waiting.map((w) => w.id),
      )
      .where('email_sent_at', 'is', null)
      .execute();
    expect(stillWaiting).toEqual([]);
    await checkOnePerReminder(work);
  });
});

describe('email delivery', () => {
  it('keeps the notification when SMTP is down and sends the email once on a later run', async () => {
    const { agent, person } = await signedIn(ctx, 'legal');
    const request = await makeLegalRequest(agent, agencyId, {
      receivedAt: iso(now() - DAY),
      dueAt: iso(now() + 2 * HOUR),
      assigneeId: person.user.id,
    });
    const down = `smtp://127.0.0.1:${await closedPort()}`;
    const failed = await runReminders(mailing(down));
    expect(failed.created).toBeGreaterThanOrEqual(1);
    expect(failed.emailFailed).toBeGreaterThanOrEqual(1);
    expect(failed.emailed).toBe(0);
    let [row] = await notificationsOf(request.id);
    expect(row?.user_id).toBe(person.user.id);
    expect(row?.email_sent_at).toBeNull();
    expect(row?.email_attempts).toBe(1);
    expect(ctx.logLines.join('')).not.toContain(person.email);

    // Back up at once: the failed email waits for its back-off, so nothing goes yet.
    await run();
    expect(mailsAbout(person, request.reference)).toEqual([]);

    ctx.clock.advance(2 * 60 * 1000);
    const retried = await run();
    expect(retried.created).toBe(0);
    expect(retried.emailed).toBeGreaterThanOrEqual(1);
    expect(mailsAbout(person, request.reference)).toHaveLength(1);
    [row] = await notificationsOf(request.id);
    expect(row?.email_sent_at?.toISOString()).toBe(ctx.clock.now().toISOString());
    await run();
    expect(mailsAbout(person, request.reference)).toHaveLength(1);

    // Overdue three hours on: one new reminder and one new email; the first is not sent again.
    ctx.clock.advance(3 * HOUR);
    await run();
    expect((await notificationsOf(request.id)).map((n) => n.kind)).toEqual(['deadline_due_soon', 'deadline_overdue']);
    expect(mailsAbout(person, request.reference).map((m) => m.subject)).toEqual([
      `[Docket] ${request.reference}: Response due (due within 24 hours)`,
      `[Docket] ${request.reference}: Response due (overdue)`,
    ]);
  });

  it('keeps reminders in the app only when no SMTP server is configured', async () => {
    const { agent, person } = await signedIn(ctx, 'legal');
    const request = await makeLegalRequest(agent, agencyId, {
      receivedAt: iso(now() - DAY),
      dueAt: iso(now() + 2 * HOUR),
      assigneeId: person.user.id,
    });
    const result = await runReminders({ ...ctx.deps, config: { ...ctx.deps.config, smtpUrl: undefined } });
    expect(result.emailed).toBe(0);
    const [row] = await notificationsOf(request.id);
    expect(row?.user_id).toBe(person.user.id);
    expect(row?.email_sent_at).toBeNull();
    expect(mailsAbout(person, request.reference)).toEqual([]);
  });
});

describe('notification routes', () => {
  it('lists, counts and marks read only the signed-in person’s own notifications', async () => {
    const { agent, person } = await signedIn(ctx, 'legal');
    const { agent: other } = await signedIn(ctx, 'legal');
    const made: { id: string; version: number }[] = [];
    for (let i = 0; i < 3; i++) {
      made.push(
        await makeLegalRequest(agent, agencyId, {
          receivedAt: iso(now() - DAY),
          dueAt: iso(now() + (i + 1) * HOUR),
          assigneeId: person.user.id,
        }),
      );
    }
    await run();
    const mine = await ctx.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', person.user.id)
      .execute();
    expect(mine.length).toBeGreaterThanOrEqual(3);

    const count = await agent.get('/api/notifications/unread-count');
    expect(count.status).toBe(200);
    expect(count.body).toEqual({ unread: mine.length });
    const list = await agent.get('/api/notifications?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.notifications).toHaveLength(mine.length);
    expect(list.body.nextAfter).toBeNull();
    const about = (n: { entityId: string }) => made.some((r) => r.id === n.entityId);
    expect(list.body.notifications.filter(about)).toHaveLength(3);
    // Newest first: the one due soonest was created in the same run, so (created, id) decides.
    const keys = list.body.notifications.map((n: { createdAt: string; id: string }) => `${n.createdAt} ${n.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    const first = list.body.notifications.find(about);
    expect(first).toMatchObject({ kind: 'deadline_due_soon', entityType: 'legal_request', readAt: null });
    expect(first.title).toMatch(/^LR-\d{4}-\d{5}: Response due \(due within 24 hours\)$/);
    expect(JSON.stringify(list.body)).not.toContain('email_sent_at');

    // One page at a time, every row exactly once.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await agent.get(`/api/notifications?limit=1${after ? `&after=${after}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.notifications.map((n: { id: string }) => n.id));
      after = page.body.nextAfter;
    } while (after);
    expect(seen).toEqual(list.body.notifications.map((n: { id: string }) => n.id));
    expect((await agent.get('/api/notifications?after=garbage')).status).toBe(400);
    expect((await agent.get('/api/notifications?unread=maybe')).status).toBe(400);

    // Someone else can neither see nor mark them.
    expect((await other.get('/api/notifications')).body.notifications).toEqual([]);
    const foreign = await other.post(`/api/notifications/${first.id}/read`);
    expect(foreign.status).toBe(404);
    expect((await agent.get('/api/notifications/unread-count')).body.unread).toBe(mine.length);

    const read = await agent.post(`/api/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.notification.readAt).toBe(ctx.clock.now().toISOString());
    expect((await agent.post(`/api/notifications/${first.id}/read`)).status).toBe(200);
    expect((await agent.get('/api/notifications/unread-count')).body.unread).toBe(mine.length - 1);
    const unread = await agent.get('/api/notifications?unread=true&limit=100');
    expect(unread.body.notifications.map((n: { id: string }) => n.id)).not.toContain(first.id);
    expect(unread.body.notifications).toHaveLength(mine.length - 1);
    const events = await ctx.deps.db
      .selectFrom('audit_events')
      .select(['actor_id', 'changes'])
      .where('action', '=', 'notification.read')
      .where('entity_id', '=', first.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.actor_id).toBe(person.user.id);

    const all = await agent.post('/api/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ updated: mine.length - 1 });
    expect((await agent.get('/api/notifications/unread-count')).body.unread).toBe(0);
    expect((await agent.post('/api/notifications/read-all')).body).toEqual({ updated: 0 });
    expect((await agent.post('/api/notifications/not-an-id/read')).status).toBe(400);
  });

  it('lets a person back in later see what came while they were away', async () => {
    const { agent, person } = await signedIn(ctx, 'legal');
    const request = await makeLegalRequest(agent, agencyId, {
      receivedAt: iso(now() - DAY),
      dueAt: iso(now() + 30 * HOUR),
      assigneeId: person.user.id,
    });
    await run();
    expect(await notificationsOf(request.id)).toEqual([]);
    ctx.clock.advance(8 * HOUR);
    await run();
    const again = await signInAgain(person);
    const list = await again.get('/api/notifications?limit=100');
    const about = list.body.notifications.filter((n: { entityId: string }) => n.entityId === request.id);
    expect(about.map((n: { kind: string }) => n.kind)).toEqual(['deadline_due_soon']);
    expect((await again.get('/api/notifications/unread-count')).body.unread).toBe(list.body.notifications.length);
  });
});
