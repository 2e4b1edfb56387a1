import type { AgencyView } from '@docket/shared/legal-requests.schemas';
import { ActionsColumnHeader, EditRowCell } from '../../../components/table-actions';
import { formatDateTime } from '../../../lib/format';
import { agencyKindLabels, verificationMethodLabels } from '../labels';

interface AgenciesTableProps {
  agencies: AgencyView[];
  canManage: boolean;
  onEdit: (agency: AgencyView) => void;
}

export function AgenciesTable({ agencies, canManage, onEdit }: AgenciesTableProps) {
  if (agencies.length === 0) return <p className="empty">No agencies match.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Agencies</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Country</th>
            <th scope="col">Contact</th>
            <th scope="col">Verification</th>
            {canManage ? <ActionsColumnHeader /> : null}
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.id}>
              <th scope="row">{agency.name}</th>
              <td>{agencyKindLabels[agency.kind]}</td>
              <td>{agency.country}</td>
              <td className="pre-line">{agency.contact || <span className="muted">—</span>}</td>
              <td>
                {agency.verificationMethod ? (
                  <>
                    <span className="badge badge-success">Verified</span>{' '}
                    {verificationMethodLabels[agency.verificationMethod]}
                    <br />
                    <span className="muted small">{formatDateTime(agency.verifiedAt)}</span>
                  </>
                ) : (
                  <span className="badge badge-warning">Not verified</span>
                )}
              </td>
              {canManage ? <EditRowCell name={agency.name} onEdit={() => onEdit(agency)} /> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
