import { ErrorAlert } from '../../../components/error-alert';
import { describeUserAgent, formatDateTime } from '../../../lib/format';
import { useEndOtherSessions } from '../api/end-other-sessions';
import { useEndSession } from '../api/end-session';
import { useSessions } from '../api/get-sessions';

export function SessionsTable() {
  const sessions = useSessions();
  const endSession = useEndSession();
  const endOthers = useEndOtherSessions();

  if (sessions.isPending) return <p aria-busy="true">Loading sessions…</p>;
  if (sessions.isError) return <ErrorAlert error={sessions.error} />;

  const others = sessions.data.filter((session) => !session.current);
  return (
    <div className="stack">
      <ErrorAlert error={endSession.error ?? endOthers.error} />
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Your sessions</caption>
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">IP address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((session) => (
              <tr key={session.id}>
                <td title={session.userAgent ?? undefined}>
                  {describeUserAgent(session.userAgent)}{' '}
                  {session.current ? <span className="badge badge-accent">This session</span> : null}
                </td>
                <td>{session.ip ?? '—'}</td>
                <td>{formatDateTime(session.createdAt)}</td>
                <td>{formatDateTime(session.lastActiveAt)}</td>
                <td>{formatDateTime(session.expiresAt)}</td>
                <td className="cell-actions">
                  {session.current ? null : (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={endSession.isPending && endSession.variables === session.id}
                      aria-label={`End session: ${describeUserAgent(session.userAgent)}, last active ${formatDateTime(session.lastActiveAt)}`}
                      onClick={() => endSession.mutate(session.id)}
                    >
                      End
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button-danger-outline"
          disabled={others.length === 0 || endOthers.isPending}
          onClick={() => endOthers.mutate()}
        >
          Sign out all other sessions
        </button>
        {others.length === 0 ? <span className="muted">No other sessions are open.</span> : null}
      </div>
    </div>
  );
}
