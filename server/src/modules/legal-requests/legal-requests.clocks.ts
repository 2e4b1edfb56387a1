import type { LegalRequestRow } from '@docket/db/database';
import { type Clock as CaseClock, endedStatuses, isEnded } from '@docket/shared/legal-requests.schemas';
import type { DeadlineRules } from '../../lib/deadlines';

const DUE_SOON_MS = 7 * 24 * 60 * 60 * 1000;
const ANSWERED = new Set(['responded', ...endedStatuses]);

type ClockInput = Pick<
  LegalRequestRow,
  | 'status'
  | 'due_at'
  | 'preservation_expires_at'
  | 'follow_up_due_at'
  | 'follow_up_received_at'
  | 'notice_decision'
  | 'notified_at'
  | 'nondisclosure_kind'
  | 'nondisclosure_until'
  | 'emergency'
>;

function state(dueAt: Date, met: boolean, now: Date): CaseClock['state'] {
  if (met) return 'met';
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  if (dueAt.getTime() < now.getTime() + DUE_SOON_MS) return 'due_soon';
  return 'pending';
}

/** Every clock a legal request carries, and where each stands at `now`. */
export function computeClocks(row: ClockInput, rules: DeadlineRules, now: Date): CaseClock[] {
  const clocks: CaseClock[] = [];
  const push = (kind: CaseClock['kind'], label: string, dueAt: Date, met: boolean) =>
    clocks.push({ kind, label, dueAt: dueAt.toISOString(), state: state(dueAt, met, now) });

  if (row.due_at) push('response_due', 'Response due', row.due_at, ANSWERED.has(row.status));
  if (row.preservation_expires_at) {
    push('preservation_expiry', 'Preservation expires', row.preservation_expires_at, isEnded(row.status));
  }
  if (row.follow_up_due_at) {
    push(
      'follow_up_due',
      'Follow-up legal process due',
      row.follow_up_due_at,
      row.follow_up_received_at !== null || isEnded(row.status),
    );
  }
  if (row.nondisclosure_kind === 'until' && row.nondisclosure_until) {
    const ends = new Date(`${row.nondisclosure_until}T00:00:00Z`);
    // An order's end is not a task: it is "met" once it has passed, and brings the notice clock below.
    clocks.push({
      kind: 'nondisclosure_expiry',
      label: 'Nondisclosure order ends',
      dueAt: ends.toISOString(),
      state: ends.getTime() <= now.getTime() ? 'met' : state(ends, false, now),
    });
    if (row.notice_decision === 'delay') {
      const noticeDue = rules.add('legal.notice.after_nondisclosure', ends);
      push('notice_due', 'Delayed user notice due', noticeDue, row.notified_at !== null || row.status === 'withdrawn');
    }
  }
  // An emergency's delayed notice is due once the emergency is over: when its follow-up process arrived.
  if (
    row.emergency &&
    row.notice_decision === 'delay' &&
    row.follow_up_received_at &&
    row.nondisclosure_kind === 'none'
  ) {
    const noticeDue = rules.add('legal.notice.after_nondisclosure', row.follow_up_received_at);
    push(
      'notice_due',
      'User notice due after the emergency',
      noticeDue,
      row.notified_at !== null || row.status === 'withdrawn',
    );
  }
  return clocks.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/**
 * Until when (ms since the epoch, excluded) `computeClocks` gives the same answer as it gave at `now`, rules
 * unchanged: each clock's state moves only as time passes a week before its due time, its due time, or just
 * after it.
 */
export function clocksHoldUntil(clocks: readonly CaseClock[], now: Date): number {
  let until = Number.POSITIVE_INFINITY;
  for (const clock of clocks) {
    const due = Date.parse(clock.dueAt);
    for (const at of [due - DUE_SOON_MS + 1, due, due + 1]) if (at > now.getTime() && at < until) until = at;
  }
  return until;
}

/** The earliest clock that still needs someone to act: what the queues sort and filter by. */
export function nextDeadline(row: ClockInput, rules: DeadlineRules, now: Date): Date | null {
  const open = computeClocks(row, rules, now).filter((c) => c.kind !== 'nondisclosure_expiry' && c.state !== 'met');
  const first = open[0];
  return first ? new Date(first.dueAt) : null;
}
