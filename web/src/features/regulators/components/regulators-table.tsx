import type { RegulatorView } from '@docket/shared/complaints.schemas';
import { ActionsColumnHeader, EditRowCell } from '../../../components/table-actions';
import { regulatorKindLabels } from '../labels';

interface RegulatorsTableProps {
  regulators: RegulatorView[];
  canManage: boolean;
  onEdit: (regulator: RegulatorView) => void;
}

export function RegulatorsTable({ regulators, canManage, onEdit }: RegulatorsTableProps) {
  if (regulators.length === 0) return <p className="empty">No regulators match.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Regulators</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Short name</th>
            <th scope="col">Country</th>
            <th scope="col">Website</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            {canManage ? <ActionsColumnHeader /> : null}
          </tr>
        </thead>
        <tbody>
          {regulators.map((regulator) => (
            <tr key={regulator.id}>
              <th scope="row">{regulator.name}</th>
              <td>{regulator.shortName ?? <span className="muted">—</span>}</td>
              <td>{regulator.country}</td>
              <td className="break-all">
                {regulator.website ? (
                  <a href={regulator.website} target="_blank" rel="noopener noreferrer">
                    {regulator.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                  </a>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>{regulatorKindLabels[regulator.kind]}</td>
              <td>
                {regulator.active ? (
                  <span className="badge badge-success">Active</span>
                ) : (
                  <span className="badge badge-neutral">Inactive</span>
                )}
              </td>
              {canManage ? <EditRowCell name={regulator.name} onEdit={() => onEdit(regulator)} /> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
