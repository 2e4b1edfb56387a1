import { type LegalRequestSummary, processTypeLabels } from '@docket/shared/legal-requests.schemas';
import { Link } from 'react-router';
import { DeadlineCell } from '../../../components/deadline-cell';
import { formatDateTime } from '../../../lib/format';
import { StatusBadge } from './status-badge';

/** The response due date is worth a second line only when another clock (preservation, notice) comes first. */
function otherDue(request: LegalRequestSummary): string | null {
  if (!request.dueAt || !request.nextDeadlineAt) return null;
  return new Date(request.dueAt).getTime() === new Date(request.nextDeadlineAt).getTime() ? null : request.dueAt;
}

export function QueueTable({ requests }: { requests: LegalRequestSummary[] }) {
  if (requests.length === 0) return <p className="empty">No requests match these filters.</p>;
  const now = Date.now();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Legal requests</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Process</th>
            <th scope="col">Agency</th>
            <th scope="col">Country</th>
            <th scope="col">Status</th>
            <th scope="col">Received</th>
            <th scope="col">Next deadline</th>
            <th scope="col">Assignee</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => {
            const responseDue = otherDue(request);
            return (
              <tr key={request.id}>
                <th scope="row">
                  <Link to={`/requests/${request.id}`}>{request.reference}</Link>
                </th>
                <td>{processTypeLabels[request.processType]}</td>
                <td>{request.agencyName}</td>
                <td>{request.country}</td>
                <td>
                  <StatusBadge status={request.status} />
                </td>
                <td>{formatDateTime(request.receivedAt)}</td>
                <DeadlineCell at={request.nextDeadlineAt} now={now}>
                  {responseDue ? <span className="cell-note">Response due {formatDateTime(responseDue)}</span> : null}
                </DeadlineCell>
                <td className={request.assigneeName ? undefined : 'muted'}>{request.assigneeName ?? 'Unassigned'}</td>
                <td>
                  <div className="flags">
                    {request.emergency ? <span className="badge badge-danger">Emergency</span> : null}
                    {request.ladderExceeded ? (
                      <span className="badge badge-warning" title="Asks for more than its process type allows">
                        Exceeds process
                      </span>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
