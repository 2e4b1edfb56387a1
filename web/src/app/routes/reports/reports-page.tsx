import { can } from '@docket/shared/permissions';
import { ErrorAlert } from '../../../components/error-alert';
import { useTransparencyReport, useTransparencyTrend } from '../../../features/reports/api/get-transparency-report';
import { PublishedReportsList } from '../../../features/reports/components/published-reports-list';
import { PublishedStatus } from '../../../features/reports/components/published-status';
import { ReportCharts, type TrendPoint } from '../../../features/reports/components/report-charts';
import { ReportFilters } from '../../../features/reports/components/report-filters';
import {
  NationalSecurityTable,
  OutcomesTable,
  PreservationTable,
  RegulatorsTable,
  RequestsTable,
} from '../../../features/reports/components/report-tables';
import { SummaryCards } from '../../../features/reports/components/summary-cards';
import { countryName, processTypeName } from '../../../features/reports/format';
import {
  halfYearShortLabel,
  halfYearsEndingAt,
  isRunning,
  periodLabel,
  todayUtc,
} from '../../../features/reports/periods';
import {
  apiQueryString,
  filterFromParams,
  paramsFromFilter,
  type ReportFilter,
  validateFilter,
} from '../../../features/reports/report-filter';
import { changedFilter, type FilterChange, useUrlParams } from '../../../lib/use-search-param';
import { useCurrentUser } from '../../current-user';

const TREND_PERIODS = 4;

function describeScope(filter: ReportFilter): string {
  const where = filter.country ? countryName(filter.country) : 'all countries';
  const what = filter.processType ? processTypeName(filter.processType) : 'all process types';
  return `${periodLabel(filter.periodStart, filter.periodEnd)}, ${where}, ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
}

export function ReportsPage() {
  const me = useCurrentUser();
  const [params, updateParams] = useUrlParams();
  const today = todayUtc();
  const filter = filterFromParams(params, today);
  const validation = validateFilter(filter);
  const valid = validation.success;
  const errors: Partial<Record<'periodStart' | 'periodEnd', string>> = {};
  for (const issue of validation.error?.issues ?? []) {
    const field = issue.path[0];
    if (field === 'periodStart' || field === 'periodEnd') errors[field] ??= issue.message;
  }

  const report = useTransparencyReport(filter, valid);
  // The trend: the same scope over the half-years ending with the one the period ends in.
  const halves = valid ? halfYearsEndingAt(filter.periodEnd, TREND_PERIODS) : [];
  const trendQueries = useTransparencyTrend(
    halves.map((h) => ({ ...filter, periodStart: h.start, periodEnd: h.end })),
    valid,
  );
  const trend: TrendPoint[] = halves.map((h, i) => {
    const q = trendQueries[i];
    return {
      label: `${halfYearShortLabel(h)}${isRunning(h, today) ? ' (so far)' : ''}`,
      status: q?.status ?? 'pending',
      report: q?.data?.report,
    };
  });

  const change = (change: FilterChange<ReportFilter>) =>
    updateParams((current) => paramsFromFilter(changedFilter(filterFromParams(current, today), change), today));
  const query = apiQueryString(filter);
  const data = report.data;

  return (
    <section className="stack-lg report-page">
      <div className="page-header">
        <h1>Transparency report</h1>
        {valid ? (
          <div className="actions report-actions">
            <a className="button" href={`/api/reports/transparency.csv?${query}`} download>
              Download CSV
            </a>
            <a className="button" href={`/api/reports/transparency.json?${query}`} download>
              Download JSON
            </a>
            <button type="button" className="button" onClick={() => window.print()}>
              Print / save as PDF
            </button>
          </div>
        ) : null}
      </div>

      <ReportFilters filter={filter} today={today} onChange={change} errors={errors} />

      {valid ? <p className="report-scope">{describeScope(filter)}</p> : null}
      {valid && report.isPending ? <p aria-busy="true">Loading the report…</p> : null}
      {report.isError ? <ErrorAlert error={report.error} /> : null}

      {valid && data ? (
        <div className="stack-lg" aria-busy={report.isPlaceholderData ? 'true' : undefined}>
          {report.isPlaceholderData ? (
            <p className="muted small report-no-print" role="status">
              Updating…
            </p>
          ) : null}

          <PublishedStatus
            key={query}
            data={data}
            filter={filter}
            // Not while the previous period's figures are still on show.
            canPublish={can(me.role, 'reports.publish') && !report.isPlaceholderData}
            description={describeScope(filter)}
          />

          <section className="stack" aria-labelledby="report-summary">
            <h2 id="report-summary">Summary</h2>
            <SummaryCards report={data.report} />
          </section>

          <section className="stack" aria-labelledby="report-charts">
            <h2 id="report-charts">Charts</h2>
            <ReportCharts report={data.report} trend={trend} />
          </section>

          <section className="stack" aria-labelledby="report-requests">
            <h2 id="report-requests">Requests by country and process type</h2>
            <p className="muted small">
              Emergency requests count as their own type. Preservation and national-security requests are not in these
              totals.
            </p>
            <RequestsTable report={data.report} />
          </section>

          <div className="report-columns">
            <section className="stack" aria-labelledby="report-preservation">
              <h2 id="report-preservation">Preservation requests</h2>
              <p className="muted small">Reported apart; not included in the totals.</p>
              <PreservationTable report={data.report} />
            </section>
            <section className="stack" aria-labelledby="report-national-security">
              <h2 id="report-national-security">National-security requests</h2>
              <p className="muted small">Reported only in bands of {data.report.options.bandWidth}.</p>
              <NationalSecurityTable report={data.report} />
            </section>
          </div>

          <div className="report-columns">
            <section className="stack" aria-labelledby="report-regulators">
              <h2 id="report-regulators">Complaints escalated, per regulator</h2>
              <RegulatorsTable report={data.report} />
            </section>
            <section className="stack" aria-labelledby="report-outcomes">
              <h2 id="report-outcomes">Complaint outcomes</h2>
              <OutcomesTable report={data.report} />
            </section>
          </div>

          <section className="stack report-notes" aria-labelledby="report-how">
            <h2 id="report-how">How we count</h2>
            <ul>
              {data.report.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
            <p className="muted small">
              Rules version <code>{data.report.rulesVersion}</code> · counts below {data.report.options.suppressBelow}{' '}
              suppressed · national-security bands of {data.report.options.bandWidth}.
            </p>
          </section>
        </div>
      ) : null}

      <section className="stack report-no-print" aria-labelledby="report-published-list">
        <h2 id="report-published-list">Published reports</h2>
        <PublishedReportsList today={today} currentId={data?.published?.id} />
      </section>
    </section>
  );
}
