import type { Database } from '@docket/db/database';
import { isEnded } from '@docket/shared/legal-requests.schemas';
import type { NotificationKind } from '@docket/shared/notifications.schemas';
import { permissions } from '@docket/shared/permissions';
import type { Insertable, Kysely } from 'kysely';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../../lib/context';
import { type DeadlineRules, loadDeadlineRules } from '../../lib/deadlines';
import type { Config } from '../../lib/env';
import type { Logger } from '../../lib/logger';
import { recordAudit } from '../audit/audit.service';
import { complaintClocks } from '../complaints/complaints.clocks';
import { computeClocks } from '../legal-requests/legal-requests.clocks';
import { createMailer, MailError, type Mailer, reminderMail } from './notifications.mailer';
import {
  activePeople,
  claimEmails,
  complaintCandidates,
  dueKey,
  escalationsOf,
  existingKeys,
  insertNotifications,
  legalRequestCandidates,
  markEmailFailed,
  markEmailSent,
  tryLock,
} from './notifications.queries';

export interface ReminderDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Pick<Config, 'publicOrigin' | 'smtpUrl' | 'mailFrom'>;
  logger: Logger;
}

export interface ReminderRunResult {
  /** True when another server held the lock and is creating the reminders: this run created none. */
  skipped: boolean;
  created: number;
  emailed: number;
  emailFailed: number;
}

/** One lock for the whole reminder job, however many servers run the schedule. */
const REMINDER_LOCK = 4_243_119;
const HOUR_MS = 60 * 60 * 1000;
/** A clock due within this is "due soon" for a reminder (the queues' own window is a week). */
const DUE_SOON_MS = 24 * HOUR_MS;
/** How long a sender may hold an email it claimed before another run may take it over. */
const EMAIL_LEASE_MS = 10 * 60 * 1000;
/** A reminder that could not be emailed for this long is stale: it stays in the app only. */
const EMAIL_STALE_MS = 7 * 24 * HOUR_MS;
const EMAIL_BATCH = 25;
const EMAILS_PER_RUN = 500;

const SCHEDULE_ACTOR: Actor = { userId: null, requestId: 'reminder-schedule' };

interface Reminder {
  kind: NotificationKind;
  entityType: 'legal_request' | 'complaint';
  entityId: string;
  clock: string;
  dueAt: Date;
  title: string;
  recipients: readonly string[];
}

function deadlineKind(due: Date, now: Date): NotificationKind | null {
  if (due.getTime() < now.getTime()) return 'deadline_overdue';
  if (due.getTime() < now.getTime() + DUE_SOON_MS) return 'deadline_due_soon';
  return null;
}

// Plain ASCII: titles are also email subjects.
const deadlineTitle = (reference: string, label: string, kind: NotificationKind) =>
  `${reference}: ${label} (${kind === 'deadline_overdue' ? 'overdue' : 'due within 24 hours'})`;

type RequestRow = Awaited<ReturnType<typeof legalRequestCandidates>>[number];
type ComplaintRow = Awaited<ReturnType<typeof complaintCandidates>>[number];
type EscalationRow = Awaited<ReturnType<typeof escalationsOf>>[number];

function legalRequestReminders(row: RequestRow, rules: DeadlineRules, now: Date): Omit<Reminder, 'recipients'>[] {
  const out: Omit<Reminder, 'recipients'>[] = [];
  const base = { entityType: 'legal_request' as const, entityId: row.id };
  // The order's end itself is not a task; it is reported below when notice is still owed.
  for (const clock of computeClocks(row, rules, now)) {
    if (clock.kind === 'nondisclosure_expiry' || clock.state === 'met') continue;
    const dueAt = new Date(clock.dueAt);
    const kind = deadlineKind(dueAt, now);
    if (kind)
      out.push({ ...base, kind, clock: clock.kind, dueAt, title: deadlineTitle(row.reference, clock.label, kind) });
  }
  if (row.nondisclosure_kind === 'until' && row.nondisclosure_until && row.notified_at === null) {
    const ends = new Date(`${row.nondisclosure_until}T00:00:00Z`);
    const owed =
      (row.notice_decision === 'delay' && row.status !== 'withdrawn') ||
      (row.notice_decision === null && !isEnded(row.status));
    if (owed && ends.getTime() <= now.getTime()) {
      out.push({
        ...base,
        kind: 'nondisclosure_ended',
        clock: 'nondisclosure_expiry',
        dueAt: ends,
        title: `${row.reference}: Nondisclosure order ended, user notice ${
          row.notice_decision === 'delay' ? 'still delayed' : 'not decided yet'
        }`,
      });
    }
  }
  return out;
}

function complaintReminders(
  row: ComplaintRow,
  escalations: EscalationRow[],
  rules: DeadlineRules,
  now: Date,
): Omit<Reminder, 'recipients'>[] {
  const out: Omit<Reminder, 'recipients'>[] = [];
  for (const clock of complaintClocks(row, escalations, rules, now)) {
    if (!clock.actionable || clock.state === 'met') continue;
    const dueAt = new Date(clock.dueAt);
    const kind = deadlineKind(dueAt, now);
    if (kind) {
      out.push({
        kind,
        entityType: 'complaint',
        entityId: row.id,
        clock: clock.kind,
        dueAt,
        title: deadlineTitle(row.reference, clock.label, kind),
      });
    }
  }
  return out;
}

/** Finds what is due soon, overdue or newly un-gagged, and records one notification per person and due key. */
async function createReminders(deps: ReminderDeps, actor: Actor, now: Date) {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await tryLock(trx, REMINDER_LOCK))) return null;
    const rules = await loadDeadlineRules(trx);
    const soon = new Date(now.getTime() + DUE_SOON_MS);

    const [requests, complaints] = await Promise.all([
      legalRequestCandidates(trx, soon, now.toISOString().slice(0, 10)),
      complaintCandidates(trx, soon),
    ]);
    const escalations = await escalationsOf(
      trx,
      complaints.map((c) => c.id),
    );
    const people = await activePeople(trx, ['admin', 'legal', 'support', 'compliance']);
    const withRole = (roles: readonly string[]) =>
      new Set(people.filter((p) => roles.includes(p.role)).map((p) => p.id));
    // Only people who may open the case; an assignee or author who left (or changed role) passes it on.
    const mayWorkRequests = withRole(permissions['legal_requests.write']);
    const mayWorkComplaints = withRole(permissions['complaints.write']);
    const legalPeople = [...withRole(['legal'])];
    const supportPeople = [...withRole(['support'])];

    const reminders: Reminder[] = [];
    for (const row of requests) {
      const recipients = row.assignee_id && mayWorkRequests.has(row.assignee_id) ? [row.assignee_id] : legalPeople;
      for (const r of legalRequestReminders(row, rules, now)) reminders.push({ ...r, recipients });
    }
    const escalationsByComplaint = new Map<string, EscalationRow[]>();
    for (const e of escalations) {
      escalationsByComplaint.set(e.complaint_id, [...(escalationsByComplaint.get(e.complaint_id) ?? []), e]);
    }
    for (const row of complaints) {
      const recipients = row.created_by && mayWorkComplaints.has(row.created_by) ? [row.created_by] : supportPeople;
      const rows = complaintReminders(row, escalationsByComplaint.get(row.id) ?? [], rules, now);
      for (const r of rows) reminders.push({ ...r, recipients });
    }
    if (reminders.length === 0) return 0;

    const seen = await existingKeys(trx, [...new Set(reminders.map((r) => r.entityId))]);
    const rows: Insertable<Database['notifications']>[] = [];
    for (const r of reminders) {
      for (const userId of r.recipients) {
        const key = dueKey(userId, r.kind, r.entityType, r.entityId, r.clock, r.dueAt);
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({
          user_id: userId,
          kind: r.kind,
          entity_type: r.entityType,
          entity_id: r.entityId,
          clock: r.clock,
          due_at: r.dueAt,
          title: r.title,
          created_at: now,
        });
      }
    }
    const inserted = await insertNotifications(trx, rows);
    for (const n of inserted) {
      await recordAudit(trx, deps.clock, actor, {
        action: 'notification.created',
        entityType: 'notification',
        entityId: n.id,
        changes: { kind: n.kind, userId: n.user_id, caseType: n.entity_type, caseId: n.entity_id },
      });
    }
    return inserted.length;
  });
}

const backoffMs = (attempts: number) => Math.min(2 ** Math.max(0, attempts - 1), 60) * 60 * 1000;

/** After a failed attempt: retry after 1, 2, 4 … 60 minutes; a permanent refusal is not retried. */
async function backOff(deps: ReminderDeps, n: { id: string; email_attempts: number }, err: MailError) {
  const attempts = n.email_attempts + 1;
  const now = deps.clock.now().getTime();
  // Past the staleness window: never picked up again.
  const retryAt = new Date(now + (err.permanent ? 2 * EMAIL_STALE_MS : backoffMs(attempts)));
  await markEmailFailed(deps.db, n.id, retryAt);
  deps.logger.warn(
    { notificationId: n.id, attempts, permanent: err.permanent, reason: err.message },
    'reminder email not sent',
  );
}

/**
 * The outbox: emails for notifications that are committed and not sent yet. Each batch is leased
 * under the reminder lock, sent outside any transaction (an SMTP wait never holds the database), and
 * marked one by one. A crash before the mark leaves the row to the next run once the lease ends.
 */
async function sendEmails(deps: ReminderDeps, actor: Actor, mailer: Mailer, now: Date) {
  let emailed = 0;
  let failed = 0;
  while (emailed + failed < EMAILS_PER_RUN) {
    const batch = await deps.db.transaction().execute(async (trx) => {
      if (!(await tryLock(trx, REMINDER_LOCK))) return [];
      return claimEmails(trx, {
        now,
        notBefore: new Date(now.getTime() - EMAIL_STALE_MS),
        leaseUntil: new Date(now.getTime() + EMAIL_LEASE_MS),
        limit: EMAIL_BATCH,
      });
    });
    if (batch.length === 0) break;
    // Once the server cannot be reached, the rest of the batch would fail the same way: it backs off too.
    let down: MailError | null = null;
    for (const n of batch) {
      if (!n.email) continue; // the lease runs out and the row is looked at again
      if (!down) {
        try {
          await mailer.send(reminderMail(n.email, n, deps.config.publicOrigin));
        } catch (err) {
          if (!(err instanceof MailError)) throw err;
          if (err.transport) down = err;
          failed += 1;
          await backOff(deps, n, err);
          continue;
        }
        const marked = await deps.db.transaction().execute(async (trx) => {
          if (!(await markEmailSent(trx, n.id, deps.clock.now()))) return false;
          await recordAudit(trx, deps.clock, actor, {
            action: 'notification.emailed',
            entityType: 'notification',
            entityId: n.id,
            changes: { kind: n.kind, userId: n.user_id },
          });
          return true;
        });
        if (marked) emailed += 1;
      } else {
        failed += 1;
        await backOff(deps, n, down);
      }
    }
    if (down) break;
  }
  return { emailed, failed };
}

/**
 * One reminder run: record the notifications that are due (once per person and due key, whatever
 * runs at the same time), then email the ones not emailed yet when SMTP is configured.
 */
export async function runReminders(deps: ReminderDeps, actor: Actor = SCHEDULE_ACTOR): Promise<ReminderRunResult> {
  const now = deps.clock.now();
  const created = await createReminders(deps, actor, now);
  const mailer = createMailer(deps.config);
  if (!mailer) return { skipped: created === null, created: created ?? 0, emailed: 0, emailFailed: 0 };
  try {
    const { emailed, failed } = await sendEmails(deps, actor, mailer, now);
    return { skipped: created === null, created: created ?? 0, emailed, emailFailed: failed };
  } finally {
    mailer.close();
  }
}

/**
 * Runs the reminders every `intervalSeconds` (the first run a few seconds after start). A run that
 * is still going when the next is due makes that one skip; errors are logged, never thrown.
 */
export function scheduleReminders(deps: ReminderDeps, intervalSeconds: number) {
  let current: Promise<void> | null = null;
  const tick = () => {
    if (current) return;
    current = runReminders(deps)
      .then((result) => {
        if (result.created > 0 || result.emailed > 0 || result.emailFailed > 0) {
          deps.logger.info(result, 'reminders run');
        }
      })
      .catch((err) => deps.logger.error({ err }, 'reminder run failed'))
      .finally(() => {
        current = null;
      });
  };
  const first = setTimeout(tick, Math.min(intervalSeconds, 5) * 1000);
  first.unref();
  const every = setInterval(tick, intervalSeconds * 1000);
  every.unref();
  return {
    /** Stops the schedule and waits for a run in progress to end. */
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await current;
    },
  };
}
