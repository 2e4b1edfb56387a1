import type { RetentionCandidate } from '@docket/shared/complaints.schemas';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';

export function RetentionTable({ candidates }: { candidates: RetentionCandidate[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Complaints whose personal data would be erased</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Closed</th>
            <th scope="col" className="numeric">
              Files
            </th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((candidate) => (
            <tr key={candidate.id}>
              <th scope="row">
                <Link to={`/complaints/${candidate.id}`}>{candidate.reference}</Link>
              </th>
              <td>{formatDateTime(candidate.closedAt)}</td>
              <td className="numeric">{candidate.attachments}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
