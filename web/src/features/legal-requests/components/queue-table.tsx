import { type LegalRequestSummary, processTypeLabels } from '@docket/shared/legal-requests.schemas';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { StatusBadge } from './status-badge';

const answered = new Set(['responded', 'closed', 'withdrawn', 'rejected']);

function isOverdue(request: LegalRequestSummary, now: number): boolean {
  return !!request.dueAt && !answered.has(request.status) && new Date(request.dueAt).getTime() < now;
}

export function QueueTable({ requests }: { requests: LegalRequestSummary[] }) {
  if (requests.length === 0) return <p className="empty">No requests match these filters.</p>;
  const now = Date.now();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Legal requests, soonest deadline first</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Process</th>
            <th scope="col">Agency</th>
            <th scope="col">Country</th>
            <th scope="col">Status</th>
            <th scope="col">Received</th>
            <th scope="col">Due</th>
            <th scope="col">Assignee</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => {
            const overdue = isOverdue(request, now);
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
                <td className={overdue ? 'text-danger' : undefined}>
                  {formatDateTime(request.dueAt)}
                  {overdue ? <span className="badge badge-danger cell-flag">Overdue</span> : null}
                </td>
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
