import type { ComplaintRow, EscalationRow } from '@docket/db/database';
import type { ComplaintClock } from '@docket/shared/complaints.schemas';
import type { DeadlineRules } from '../../lib/deadlines';

const DUE_SOON_MS = 7 * 24 * 60 * 60 * 1000;

function state(dueAt: Date, met: boolean, now: Date): ComplaintClock['state'] {
  if (met) return 'met';
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  if (dueAt.getTime() < now.getTime() + DUE_SOON_MS) return 'due_soon';
  return 'pending';
}

/** The response deadline of a regime, from the rules kept as data. */
export function responseDue(rules: DeadlineRules, regime: string, receivedAt: Date): Date {
  if (regime === 'gdpr') return rules.add('complaint.gdpr.response', receivedAt);
  if (regime === 'fca') return rules.add('complaint.fca.response', receivedAt);
  return rules.add('complaint.default.response', receivedAt);
}

type ClockRow = Pick<
  ComplaintRow,
  | 'status'
  | 'regime'
  | 'received_at'
  | 'acknowledged_at'
  | 'first_contact_at'
  | 'response_due_at'
  | 'resolved_at'
  | 'extension_told_at'
>;

/** Clocks that need action; summary-resolution and the extension window are shown but do not drive the queue. */
export function complaintClocks(
  row: ClockRow,
  escalations: Pick<EscalationRow, 'update_due_at' | 'regulator_deadline_at' | 'closed_at'>[],
  rules: DeadlineRules,
  now: Date,
) {
  const clocks: (ComplaintClock & { actionable: boolean })[] = [];
  const answered = row.resolved_at !== null || row.status === 'escalated' || row.status === 'closed';
  const push = (kind: ComplaintClock['kind'], label: string, dueAt: Date, met: boolean, actionable = true) =>
    clocks.push({ kind, label, dueAt: dueAt.toISOString(), state: state(dueAt, met, now), actionable });

  push(
    'first_contact',
    'First contact with the complainant',
    rules.add('complaint.first_contact', row.received_at),
    row.first_contact_at !== null || row.status === 'closed',
  );
  push(
    'acknowledge',
    'Acknowledge',
    rules.add('complaint.acknowledge', row.received_at),
    row.acknowledged_at !== null || row.status === 'closed',
  );
  push(
    'response_due',
    row.extension_told_at ? 'Response due (extended)' : 'Response due',
    row.response_due_at,
    answered,
  );
  if (row.regime === 'fca') {
    const by = rules.add('complaint.fca.summary_resolution', row.received_at);
    push(
      'summary_resolution',
      'Summary resolution window (FCA)',
      by,
      row.resolved_at !== null && row.resolved_at <= by,
      false,
    );
  }
  if (row.regime === 'gdpr' && !row.extension_told_at && !answered) {
    push(
      'extension_notice',
      'Last day to extend and tell the complainant (GDPR)',
      rules.add('complaint.gdpr.extension_notice', row.received_at),
      false,
      false,
    );
  }
  for (const e of escalations) {
    const open = e.closed_at === null;
    push('escalation_update', 'Update on the regulator complaint (GDPR Art. 78(2))', e.update_due_at, !open);
    if (e.regulator_deadline_at) push('regulator_deadline', 'Regulator deadline', e.regulator_deadline_at, !open);
  }
  return clocks.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

export function nextComplaintDeadline(clocks: ReturnType<typeof complaintClocks>): Date | null {
  const first = clocks.find((c) => c.actionable && c.state !== 'met');
  return first ? new Date(first.dueAt) : null;
}
