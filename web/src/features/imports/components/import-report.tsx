import type { ImportResult } from '@docket/shared/imports.schemas';
import { importModeLabels } from '@docket/shared/imports.schemas';

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/** What an import did: the counts, every rejected row (line, column, reason) and the skipped ones. */
export function ImportReport({ result }: { result: ImportResult }) {
  const rejectedListed = result.rejectedRows.length;
  return (
    <section className="panel stack" aria-labelledby="import-report-title">
      <h2 id="import-report-title">Import report</h2>
      {result.committed ? (
        <p className="alert alert-success" role="status">
          {plural(result.created, 'legal request')} imported from {result.filename}.
          {result.rejected > 0 ? ` ${plural(result.rejected, 'row')} rejected: fix them and import them again.` : ''}
        </p>
      ) : (
        <p className="alert alert-error" role="alert">
          Nothing was imported: {plural(result.rejected, 'row')} of {result.filename}{' '}
          {result.rejected === 1 ? 'is' : 'are'} not valid, and in “{importModeLabels.all_or_nothing}” mode every row
          must be. Fix the rows below and import the file again, or choose “{importModeLabels.valid_rows}”.
        </p>
      )}
      <dl className="details">
        <dt>Rows in the file</dt>
        <dd>{result.rowsTotal.toLocaleString()}</dd>
        <dt>Created</dt>
        <dd>{result.created.toLocaleString()}</dd>
        <dt>Skipped (already imported)</dt>
        <dd>{result.skipped.toLocaleString()}</dd>
        <dt>Rejected</dt>
        <dd>{result.rejected.toLocaleString()}</dd>
        <dt>Agencies added to the registry</dt>
        <dd>{result.agenciesCreated.toLocaleString()}</dd>
        <dt>File SHA-256</dt>
        <dd className="hash break-all">{result.sha256}</dd>
      </dl>

      {rejectedListed > 0 ? (
        <>
          <h3>Rejected rows</h3>
          {rejectedListed < result.rejected ? (
            <p className="muted">
              The first {rejectedListed.toLocaleString()} of {result.rejected.toLocaleString()} are listed.
            </p>
          ) : null}
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Rejected rows</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    Line
                  </th>
                  <th scope="col">Column</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {result.rejectedRows.map((row) => (
                  <tr key={row.line}>
                    <th scope="row" className="numeric">
                      {row.line}
                    </th>
                    <td>{row.column ? <code>{row.column}</code> : 'whole row'}</td>
                    <td>{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {result.skippedRows.length > 0 ? (
        <details>
          <summary>Skipped rows ({result.skipped.toLocaleString()})</summary>
          <ul>
            {result.skippedRows.map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
