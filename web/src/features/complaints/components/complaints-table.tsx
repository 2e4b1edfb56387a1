import type { CategoryView, ComplaintSummary } from '@docket/shared/complaints.schemas';
import { Link } from 'react-router';
import { DeadlineCell } from '../../../components/deadline-cell';
import { formatDateTime } from '../../../lib/format';
import { complaintChannelLabels, regimeShortLabels } from '../labels';
import { ComplaintStatusBadge } from './complaint-status-badge';

interface ComplaintsTableProps {
  complaints: ComplaintSummary[];
  categories: CategoryView[] | undefined;
  /** Whether this person may see complainants' names (the API leaves them out otherwise). */
  showComplainant: boolean;
}

export function ComplaintsTable({ complaints, categories, showComplainant }: ComplaintsTableProps) {
  if (complaints.length === 0) return <p className="empty">No complaints match these filters.</p>;
  const now = Date.now();
  const categoryLabel = (code: string) => categories?.find((c) => c.code === code)?.label ?? code;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Complaints</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            {showComplainant ? <th scope="col">Complainant</th> : null}
            <th scope="col">Category</th>
            <th scope="col">Regime</th>
            <th scope="col">Channel</th>
            <th scope="col">Status</th>
            <th scope="col">Received</th>
            <th scope="col">Next deadline</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {complaints.map((complaint) => (
            <tr key={complaint.id}>
              <th scope="row">
                <Link to={`/complaints/${complaint.id}`}>{complaint.reference}</Link>
              </th>
              {showComplainant ? (
                <td className={complaint.complainantName ? undefined : 'muted'}>
                  {complaint.complainantName ?? 'Erased'}
                </td>
              ) : null}
              <td>{categoryLabel(complaint.category)}</td>
              <td>{regimeShortLabels[complaint.regime]}</td>
              <td>{complaintChannelLabels[complaint.channel]}</td>
              <td>
                <ComplaintStatusBadge status={complaint.status} />
              </td>
              <td>{formatDateTime(complaint.receivedAt)}</td>
              <DeadlineCell at={complaint.nextDeadlineAt} now={now} />
              <td>
                {complaint.escalated ? (
                  <span className="badge badge-warning" title="Escalated to a regulator">
                    Escalated
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
