import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../lib/format';
import { publishedCsvUrl, usePublishedReports } from '../api/get-published-reports';
import { countryName, processTypeName } from '../format';
import { periodLabel } from '../periods';
import { filterForPublished, paramsFromFilter } from '../report-filter';

/** "All countries, all process types · <5 suppressed · bands of 250" from a filter read back from a scope key. */
function scopeText(scope: ReturnType<typeof filterForPublished>): string {
  const where = scope.country ? countryName(scope.country) : 'All countries';
  const what = scope.processType ? processTypeName(scope.processType) : 'all process types';
  return `${where}, ${what.charAt(0).toLowerCase()}${what.slice(1)} · below ${scope.suppressBelow} suppressed · bands of ${scope.bandWidth}`;
}

export function PublishedReportsList({ today, currentId }: { today: string; currentId: string | undefined }) {
  const published = usePublishedReports();
  if (published.isPending) return <p aria-busy="true">Loading published reports…</p>;
  if (published.isError) return <ErrorAlert error={published.error} />;
  if (published.data.length === 0) return <p className="empty">No report has been published yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table report-published-table">
        <caption className="visually-hidden">Published reports, newest period first</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Scope</th>
            <th scope="col">Published</th>
            <th scope="col">SHA-256</th>
            <th scope="col" className="cell-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {published.data.map((p) => {
            const filter = filterForPublished(p);
            const period = periodLabel(p.periodStart, p.periodEnd);
            return (
              <tr key={p.id} aria-current={p.id === currentId ? 'true' : undefined}>
                <th scope="row">{period}</th>
                <td>{scopeText(filter)}</td>
                <td>
                  {formatDateTime(p.publishedAt)}
                  <span className="cell-note">by {p.publishedByName ?? 'a person no longer on record'}</span>
                </td>
                <td>
                  <code className="hash" title={p.sha256}>
                    {p.sha256.slice(0, 12)}…
                  </code>
                </td>
                <td className="cell-actions">
                  <div className="row-actions">
                    <Link
                      className="button button-small"
                      to={`/reports?${paramsFromFilter(filter, today).toString()}`}
                      aria-label={`Open the report for ${period}`}
                    >
                      Open
                    </Link>
                    <a
                      className="button button-small"
                      href={publishedCsvUrl(p.id)}
                      download
                      aria-label={`Download the published CSV for ${period}`}
                    >
                      CSV
                    </a>
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
