import type { ReportWithComparison } from '@docket/shared/reports.schemas';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../lib/format';
import { usePublishReport } from '../api/publish-report';
import { countryName, formatValue, processTypeName } from '../format';
import { publishBody, type ReportFilter } from '../report-filter';

const words = (key: string) => key.replace(/([A-Z])/g, ' $1').toLowerCase();

/** "rows.US|subpoena.requests" → "United States (US) · Subpoena · requests". */
export function describePath(path: string): string {
  const [head = '', key = '', ...rest] = path.split('.');
  const field = rest.map(words).join(' · ');
  const [first = '', second = ''] = key.split('|');
  const join = (...parts: string[]) => parts.filter(Boolean).join(' · ');
  switch (head) {
    case 'rows':
      return join(countryName(first), processTypeName(second), field);
    case 'countryTotals':
      return join(`${countryName(first)} total`, field);
    case 'preservation':
      return join('Preservation', countryName(first), field);
    case 'nationalSecurity':
      return join('National security', countryName(first), field);
    case 'complaints': {
      const [list = '', itemKey = '', ...more] = path.split('.').slice(1);
      const tail = more.map(words).join(' · ');
      const [name = '', country = ''] = itemKey.split('|');
      if (list === 'escalatedByRegulator') return join('Complaints escalated', `${name} (${country})`, tail);
      if (list === 'outcomes') return join('Complaint outcomes', name.replaceAll('_', ' '), tail);
      break;
    }
  }
  const [head0 = '', ...others] = path.split('.').map(words);
  return [`${head0.charAt(0).toUpperCase()}${head0.slice(1)}`, ...others].join(' · ');
}

/** Shares are stored as plain numbers; say they are percentages. */
function showValue(path: string, value: unknown): string {
  const text = formatValue(value);
  return /percent[^.]*$/i.test(path) && typeof value === 'number' ? `${text}%` : text;
}

interface PublishedStatusProps {
  data: ReportWithComparison;
  filter: ReportFilter;
  canPublish: boolean;
  /** "1 Jan 2026 – 30 Jun 2026, all countries, all process types" */
  description: string;
}

/** Whether this period and scope is published; if so, its seal and where today's figures have moved. */
export function PublishedStatus({ data, filter, canPublish, description }: PublishedStatusProps) {
  const publish = usePublishReport();
  const [confirming, setConfirming] = useState(false);
  const [justPublished, setJustPublished] = useState(false);
  const { published, differences } = data;

  if (!published) {
    return (
      <>
        <p className="report-print-only">
          <strong>Not published.</strong> Live figures as of {formatDateTime(new Date().toISOString())}; they may
          change.
        </p>
        <div className="report-unpublished report-no-print">
          <p className="muted">
            Not published yet: these are today's figures, which change as requests and complaints are updated.
          </p>
          {canPublish && !justPublished ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                publish.reset();
                setConfirming(true);
              }}
            >
              Publish this report
            </button>
          ) : null}
          <Dialog title="Publish this report?" open={confirming} onClose={() => setConfirming(false)}>
            <p>
              You are about to publish the transparency report for <strong>{description}</strong>, with counts below{' '}
              {filter.suppressBelow} suppressed and national-security requests in bands of {filter.bandWidth}.
            </p>
            <p>
              Publishing locks a snapshot of these figures, sealed with its SHA-256, <strong>forever</strong>: it can
              never be changed, replaced or withdrawn, and this period and scope cannot be published again. If the
              figures change later, this page will show where they differ from the published ones.
            </p>
            <ErrorAlert error={publish.error} />
            <div className="actions">
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={publish.isPending}
                onClick={() =>
                  publish.mutate(publishBody(filter), {
                    onSuccess: () => {
                      setConfirming(false);
                      setJustPublished(true);
                    },
                  })
                }
              >
                {publish.isPending ? 'Publishing…' : 'Publish and lock'}
              </button>
            </div>
          </Dialog>
        </div>
      </>
    );
  }

  return (
    <div className="stack-sm">
      {justPublished ? (
        <p className="alert alert-success report-no-print" role="status">
          The report is published. Its snapshot is locked and will not change.
        </p>
      ) : null}
      <div className="alert report-published" role="note">
        <p>
          <strong>Published</strong> on {formatDateTime(published.publishedAt)} by{' '}
          {published.publishedByName ?? 'a person no longer on record'} — SHA-256{' '}
          <code className="hash">{published.sha256}</code>
        </p>
        <p className="small">Counted under rules version {published.rulesVersion}.</p>
      </div>
      {differences.length > 0 ? (
        <div className="alert alert-warning" role="alert">
          <p>
            <strong>
              Today's figures differ from the published report in {differences.length} place
              {differences.length === 1 ? '' : 's'}.
            </strong>{' '}
            The published snapshot stays as it was; the page below shows today's figures.
          </p>
          <details className="report-differences" open={differences.length <= 10}>
            <summary className="report-differences-summary">Where they differ</summary>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Where today's figures differ from the published report</caption>
                <thead>
                  <tr>
                    <th scope="col">Where</th>
                    <th scope="col" className="numeric">
                      Published
                    </th>
                    <th scope="col" className="numeric">
                      Today
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {differences.map((d) => (
                    <tr key={d.path}>
                      <th scope="row">
                        {describePath(d.path)}
                        <span className="cell-note">
                          <code>{d.path}</code>
                        </span>
                      </th>
                      <td className="numeric">{showValue(d.path, d.published)}</td>
                      <td className="numeric">{showValue(d.path, d.live)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </div>
      ) : (
        <p className="muted small">Today's figures match the published report.</p>
      )}
    </div>
  );
}
