import type { AuditEventView } from '@docket/shared/audit.schemas';
import { formatDateTime } from '../../../lib/format';

function Changes({ changes }: { changes: Record<string, unknown> }) {
  const entries = Object.entries(changes);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <details>
      <summary>
        {entries.length} field{entries.length === 1 ? '' : 's'}
      </summary>
      <pre className="changes">{JSON.stringify(changes, null, 2)}</pre>
    </details>
  );
}

export function AuditTable({ events }: { events: AuditEventView[] }) {
  if (events.length === 0) return <p className="empty">No audit events match these filters.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Audit events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.seq}>
              <td className="numeric">{event.seq}</td>
              <td>{formatDateTime(event.occurredAt)}</td>
              <td title={event.actorId ?? undefined}>
                {event.actorName ?? (event.actorId ? <code>{event.actorId.slice(0, 8)}</code> : 'System')}
              </td>
              <td>
                <code>{event.action}</code>
              </td>
              <td>
                {event.entityType}
                {event.entityId ? (
                  <>
                    {' '}
                    <code title={event.entityId}>{event.entityId.slice(0, 8)}</code>
                  </>
                ) : null}
              </td>
              <td>
                <Changes changes={event.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
