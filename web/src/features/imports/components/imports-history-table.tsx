import type { ImportView } from '@docket/shared/imports.schemas';
import { importModeLabels } from '@docket/shared/imports.schemas';
import { formatDateTime } from '../../../lib/format';

export function ImportsHistoryTable({ imports }: { imports: ImportView[] }) {
  if (imports.length === 0) return <p className="empty">No imports yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Past imports</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">File</th>
            <th scope="col">Mode</th>
            <th scope="col">By</th>
            <th scope="col" className="numeric">
              Rows
            </th>
            <th scope="col" className="numeric">
              Created
            </th>
            <th scope="col" className="numeric">
              Skipped
            </th>
            <th scope="col" className="numeric">
              Rejected
            </th>
          </tr>
        </thead>
        <tbody>
          {imports.map((item) => (
            <tr key={item.id}>
              <th scope="row">{formatDateTime(item.createdAt)}</th>
              <td className="break-all" title={`SHA-256 ${item.sha256}`}>
                {item.filename}
              </td>
              <td>{importModeLabels[item.mode]}</td>
              <td>{item.createdByName ?? '—'}</td>
              <td className="numeric">{item.rowsTotal.toLocaleString()}</td>
              <td className="numeric">{item.created.toLocaleString()}</td>
              <td className="numeric">{item.skipped.toLocaleString()}</td>
              <td className="numeric">{item.rejected.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
