import type { AuditEventView } from '@docket/shared/audit.schemas';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';

function filterLink(params: Record<string, string>): string {
  return `/audit?${new URLSearchParams(params).toString()}`;
}

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
              <td>
                {event.actorId ? (
                  <Link
                    to={filterLink({ actorId: event.actorId })}
                    title={`Show events by ${event.actorName ?? event.actorId}`}
                  >
                    {event.actorName ?? <code>{event.actorId.slice(0, 8)}</code>}
                  </Link>
                ) : (
                  'System'
                )}
                {event.actorKind === 'api_token' ? (
                  <>
                    {' '}
                    <span className="badge badge-neutral">API token</span>
                  </>
                ) : null}
              </td>
              <td>
                <code>{event.action}</code>
              </td>
              <td>
                {event.entityType}
                {event.entityId ? (
                  <>
                    {' '}
                    <Link
                      to={filterLink({ entityType: event.entityType, entityId: event.entityId })}
                      title={`Show events for ${event.entityType} ${event.entityId}`}
                    >
                      <code>{event.entityId.slice(0, 8)}</code>
                    </Link>
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
