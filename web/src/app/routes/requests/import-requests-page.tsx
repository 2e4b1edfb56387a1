import type { ImportResult } from '@docket/shared/imports.schemas';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { importTemplateUrl, useImports } from '../../../features/imports/api/get-imports';
import { ImportColumnsTable } from '../../../features/imports/components/import-columns-table';
import { ImportForm } from '../../../features/imports/components/import-form';
import { ImportReport } from '../../../features/imports/components/import-report';
import { ImportsHistoryTable } from '../../../features/imports/components/imports-history-table';

export function ImportRequestsPage() {
  const history = useImports();
  const [result, setResult] = useState<ImportResult | null>(null);

  return (
    <section className="stack">
      <div className="page-header">
        <h1>Import legal requests</h1>
        <Link to="/requests" className="button">
          Back to requests
        </Link>
      </div>
      <p className="muted">
        Bring historical legal requests in from a spreadsheet. Each row becomes a request with its own reference (by the
        year it was received), agencies not yet in the registry are added unverified, and every row is checked before
        anything is saved. <a href={importTemplateUrl}>Download the template</a> (CSV: the header and one example row).
      </p>

      <ImportForm
        onImported={(answer) => {
          setResult(answer);
        }}
      />
      {result ? <ImportReport result={result} /> : null}

      <section className="stack" aria-labelledby="import-columns-title">
        <h2 id="import-columns-title">Columns</h2>
        <p className="muted">
          The header row names the columns, in any order; optional columns may be left out and empty cells mean “not
          given”. Lists (data categories, identifiers) are separated by semicolons.
        </p>
        <ImportColumnsTable />
      </section>

      <section className="stack" aria-labelledby="import-history-title">
        <h2 id="import-history-title">Past imports</h2>
        {history.isPending ? <p aria-busy="true">Loading past imports…</p> : null}
        {history.isError ? <ErrorAlert error={history.error} /> : null}
        {history.data ? <ImportsHistoryTable imports={history.data} /> : null}
      </section>
    </section>
  );
}
