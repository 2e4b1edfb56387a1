import { importColumns } from '@docket/shared/imports.schemas';

/** The documented column set, from the same list the server validates against and the template uses. */
export function ImportColumnsTable() {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Import columns</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Required</th>
            <th scope="col">What it holds</th>
            <th scope="col">Example</th>
          </tr>
        </thead>
        <tbody>
          {importColumns.map((column) => (
            <tr key={column.name}>
              <th scope="row">
                <code>{column.name}</code>
              </th>
              <td>{column.required ? 'Yes' : 'No'}</td>
              <td>{column.description}</td>
              <td>{column.example ? <code className="break-all">{column.example}</code> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
