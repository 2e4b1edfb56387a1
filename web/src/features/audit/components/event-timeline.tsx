import type { AuditEventView } from '@docket/shared/audit.schemas';
import { formatDateTime } from '../../../lib/format';

/** One line of a case's history, in words, from one audit event. */
export interface TimelineEntry {
  key: string;
  at: string;
  title: string;
  /** Who did it; null for the system (deadlines, retention) or a removed person's id-only event. */
  actor?: string | null | undefined;
  /** The status move the event made, already in words. */
  statusChange?: { from: string; to: string } | undefined;
  detail?: string | undefined;
}

/** `changes.status` as written by the server for a workflow move: {from, to}. */
export function statusChangeOf(changes: Record<string, unknown>): { from: string; to: string } | null {
  const status = changes.status;
  if (typeof status !== 'object' || status === null) return null;
  const { from, to } = status as Record<string, unknown>;
  return typeof from === 'string' && typeof to === 'string' ? { from, to } : null;
}

/** A string field of an event's changes, or undefined when absent or of another type. */
export function changeText(changes: Record<string, unknown>, key: string): string | undefined {
  const value = changes[key];
  return typeof value === 'string' ? value : undefined;
}

/** The person an event names: their name, or a neutral word when they were removed or it was the system. */
export function actorOf(event: AuditEventView): string {
  if (event.actorName) return event.actorKind === 'api_token' ? `${event.actorName} (API token)` : event.actorName;
  return event.actorId ? 'a removed person' : 'Docket';
}

interface EventTimelineProps {
  entries: TimelineEntry[];
}

/** A case's history, newest first, as the list the case pages show beside their details. */
export function EventTimeline({ entries }: EventTimelineProps) {
  if (entries.length === 0) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.key} className="timeline-item">
          <p className="timeline-meta">
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            {entry.actor ? <span className="timeline-actor"> · {entry.actor}</span> : null}
          </p>
          <p className="timeline-title">{entry.title}</p>
          {entry.statusChange ? (
            <p className="timeline-status small">
              <span className="visually-hidden">Status changed from </span>
              {entry.statusChange.from} <span aria-hidden="true">→</span>
              <span className="visually-hidden"> to </span> {entry.statusChange.to}
            </p>
          ) : null}
          {entry.detail ? <p className="timeline-detail pre-line">{entry.detail}</p> : null}
        </li>
      ))}
    </ol>
  );
}
