import type { Clock } from '@docket/shared/legal-requests.schemas';
import { formatDateTime } from '../../../lib/format';
import { clockStateLabels, clockStateTones } from '../labels';

/** Any case's running clocks: legal requests and complaints share the shape (kind, label, due, state). */
type ClockLike = Pick<Clock, 'label' | 'dueAt' | 'state'> & { kind: string };

export function ClocksList({ clocks }: { clocks: ClockLike[] }) {
  if (clocks.length === 0) return <p className="muted">No deadlines.</p>;
  return (
    <ul className="clocks" aria-label="Deadlines">
      {clocks.map((clock) => (
        <li key={clock.kind} className={`clock clock-${clock.state}`}>
          <span className="clock-label">{clock.label}</span>
          <time dateTime={clock.dueAt}>{formatDateTime(clock.dueAt)}</time>
          <span className={`badge ${clockStateTones[clock.state]}`}>{clockStateLabels[clock.state]}</span>
        </li>
      ))}
    </ul>
  );
}
