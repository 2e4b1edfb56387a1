import type { ReactNode } from 'react';
import { formatDateTime } from '../lib/format';

const week = 7 * 24 * 60 * 60 * 1000;

export type DeadlineUrgency = 'overdue' | 'due_soon' | 'later' | 'none';

/** How close a running deadline is: passed, within the next seven days, later, or none at all. */
export function deadlineUrgency(at: string | null, now: number): DeadlineUrgency {
  if (!at) return 'none';
  const time = new Date(at).getTime();
  if (Number.isNaN(time)) return 'none';
  if (time < now) return 'overdue';
  return time < now + week ? 'due_soon' : 'later';
}

interface DeadlineCellProps {
  /** The earliest clock still running on the case; null when nothing is running. */
  at: string | null;
  now: number;
  /** More below the date, such as the response due date when another clock comes first. */
  children?: ReactNode;
}

/** A queue cell for the next deadline: red with a badge once passed, highlighted within seven days. */
export function DeadlineCell({ at, now, children }: DeadlineCellProps) {
  const urgency = deadlineUrgency(at, now);
  const tone = urgency === 'overdue' ? 'text-danger' : urgency === 'due_soon' ? 'text-warning' : undefined;
  return (
    <td className={urgency === 'none' ? 'muted' : tone}>
      {at ? <time dateTime={at}>{formatDateTime(at)}</time> : 'None running'}
      {urgency === 'overdue' ? <span className="badge badge-danger cell-flag">Overdue</span> : null}
      {urgency === 'due_soon' ? <span className="badge badge-warning cell-flag">Due soon</span> : null}
      {children}
    </td>
  );
}
