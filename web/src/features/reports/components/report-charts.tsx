import type { TransparencyReport } from '@docket/shared/reports.schemas';
import { type ReactNode, useId } from 'react';
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  Rectangle,
  XAxis,
  YAxis,
} from 'recharts';
import { countryName, formatCount, formatPercent, plottable, processTypeName } from '../format';

// Charts are plain SVG with no animation, so what prints is what the page shows.
const BAR = '#1f5fbf';
const LINE = '#b45309';
const GRID = '#dfe2e7';
const TICK = { fill: '#2a2f38', fontSize: 12 };

/**
 * Recharts drops zero-height bars, and their labels with them; a suppressed count plots as 0 but must still
 * say "<5". A shape of our own keeps the bar (Rectangle draws nothing for it) and so its label.
 */
const barShape = (props: BarShapeProps) => <Rectangle {...props} />;

interface Datum {
  /** Axis label. */
  name: string;
  /** Name in the text alternative. */
  fullName: string;
  value: number;
  /** What the bar says: the published count, "<5", "withheld", "at least 7". */
  label: string;
}

interface ChartFigureProps {
  title: string;
  /** One sentence for screen readers; the table beside it holds every value. */
  summary: string;
  columns: [string, ...string[]];
  rows: { key: string; cells: [string, ...string[]] }[];
  note?: string | undefined;
  children: ReactNode;
}

/** A heading, the chart (an image to assistive technology) and the same figures as a visually hidden table. */
function ChartFigure({ title, summary, columns, rows, note, children }: ChartFigureProps) {
  const headingId = useId();
  return (
    <section className="report-chart" aria-labelledby={headingId}>
      <h3 id={headingId} className="report-chart-title">
        {title}
      </h3>
      <div className="report-chart-canvas" role="img" aria-label={summary}>
        {children}
      </div>
      {note ? <p className="muted small">{note}</p> : null}
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.cells[0]}</th>
              {row.cells.slice(1).map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a chart
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function describe(data: Datum[], empty: string): string {
  if (data.length === 0) return empty;
  return data.map((d) => `${d.fullName}: ${d.label}`).join('; ');
}

function ColumnChart({ data, percent = false }: { data: Datum[]; percent?: boolean }) {
  return (
    <BarChart
      data={data}
      responsive
      style={{ width: '100%', height: 260 }}
      margin={{ top: 22, right: 8, bottom: 0, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="name" interval={0} tickLine={false} tick={TICK} />
      <YAxis
        width={44}
        tick={TICK}
        allowDecimals={false}
        domain={percent ? [0, 100] : [0, 'auto']}
        unit={percent ? '%' : undefined}
      />
      <Bar dataKey="value" fill={BAR} isAnimationActive={false} maxBarSize={56} shape={barShape}>
        <LabelList dataKey="label" position="top" fill="#161a20" fontSize={12} />
      </Bar>
    </BarChart>
  );
}

/** Horizontal bars: process-type names are too long for a column chart's axis. */
function RowChart({ data }: { data: Datum[] }) {
  return (
    <BarChart
      data={data}
      layout="vertical"
      responsive
      style={{ width: '100%', height: Math.max(140, 36 * data.length + 30) }}
      margin={{ top: 4, right: 56, bottom: 0, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid horizontal={false} stroke={GRID} />
      <XAxis type="number" allowDecimals={false} tick={TICK} />
      <YAxis type="category" dataKey="name" width={150} tickLine={false} tick={TICK} interval={0} />
      <Bar dataKey="value" fill={BAR} isAnimationActive={false} maxBarSize={28} shape={barShape}>
        <LabelList dataKey="label" position="right" fill="#161a20" fontSize={12} />
      </Bar>
    </BarChart>
  );
}

const byValue = (a: Datum, b: Datum) => b.value - a.value || a.name.localeCompare(b.name);

function countryData(report: TransparencyReport): Datum[] {
  return report.countryTotals
    .map((t) => ({
      name: t.country,
      fullName: countryName(t.country),
      value: plottable(t.requests),
      label: formatCount(t.requests),
    }))
    .sort(byValue);
}

function shareData(report: TransparencyReport): Datum[] {
  return report.countryTotals
    .map((t) => ({
      name: t.country,
      fullName: countryName(t.country),
      value: t.percentWithDataProduced ?? 0,
      label: formatPercent(t.percentWithDataProduced),
    }))
    .sort(byValue);
}

/**
 * The report has no per-process-type totals, so they are added up from the rows. A suppressed cell is at
 * least 1, so a type with suppressed cells is shown as a lower bound ("at least 7"), never as an exact sum.
 */
function processTypeData(report: TransparencyReport): { data: Datum[]; partial: boolean } {
  const sums = new Map<string, { exact: number; suppressed: number }>();
  for (const row of report.rows) {
    const sum = sums.get(row.processType) ?? { exact: 0, suppressed: 0 };
    if (typeof row.requests === 'number') sum.exact += row.requests;
    else sum.suppressed += 1;
    sums.set(row.processType, sum);
  }
  const data = [...sums.entries()]
    .map(([type, s]) => {
      const atLeast = s.exact + s.suppressed;
      return {
        name: processTypeName(type),
        fullName: processTypeName(type),
        value: atLeast,
        label: s.suppressed > 0 ? `≥ ${formatCount(atLeast)}` : formatCount(s.exact),
      };
    })
    .sort(byValue);
  return { data, partial: [...sums.values()].some((s) => s.suppressed > 0) };
}

const tableRows = (data: Datum[]) =>
  data.map((d) => ({ key: d.name, cells: [d.fullName, d.label] as [string, string] }));

export interface TrendPoint {
  label: string;
  status: 'pending' | 'error' | 'success';
  report: TransparencyReport | undefined;
}

function TrendChart({ points }: { points: TrendPoint[] }) {
  const data = points.map((p) => ({
    name: p.label,
    requests: p.report ? plottable(p.report.totals.requests) : 0,
    requestsLabel: p.report ? formatCount(p.report.totals.requests) : '',
    share: p.report?.totals.percentWithDataProduced ?? null,
  }));
  return (
    <ComposedChart
      data={data}
      responsive
      style={{ width: '100%', height: 280 }}
      margin={{ top: 22, right: 8, bottom: 0, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="name" tickLine={false} tick={TICK} />
      <YAxis yAxisId="requests" width={44} tick={TICK} allowDecimals={false} />
      <YAxis yAxisId="share" orientation="right" width={48} tick={TICK} domain={[0, 100]} unit="%" />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar
        yAxisId="requests"
        dataKey="requests"
        name="Total requests"
        fill={BAR}
        isAnimationActive={false}
        maxBarSize={56}
        shape={barShape}
      >
        <LabelList dataKey="requestsLabel" position="top" fill="#161a20" fontSize={12} />
      </Bar>
      <Line
        yAxisId="share"
        dataKey="share"
        name="Share with data produced (%)"
        stroke={LINE}
        strokeWidth={2}
        dot={{ r: 4, fill: LINE }}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}

const missing = (p: TrendPoint) => (p.status === 'pending' ? 'loading' : 'could not be loaded');
const trendRequests = (p: TrendPoint) => (p.report ? formatCount(p.report.totals.requests) : missing(p));
const trendShare = (p: TrendPoint) => (p.report ? formatPercent(p.report.totals.percentWithDataProduced) : missing(p));

export function ReportCharts({ report, trend }: { report: TransparencyReport; trend: TrendPoint[] }) {
  const countries = countryData(report);
  const shares = shareData(report);
  const types = processTypeData(report);
  const none = 'No requests in this period.';
  return (
    <div className="report-charts">
      <ChartFigure
        title="Requests by country"
        summary={`Bar chart of requests by country. ${describe(countries, none)}`}
        columns={['Country', 'Requests']}
        rows={tableRows(countries)}
      >
        <ColumnChart data={countries} />
      </ChartFigure>
      <ChartFigure
        title="Requests by process type"
        summary={`Bar chart of requests by process type. ${describe(types.data, none)}`}
        columns={['Process type', 'Requests']}
        rows={tableRows(types.data)}
        note={
          types.partial
            ? 'Some counts are suppressed, so the totals marked ≥ are lower bounds (each suppressed count is at least 1).'
            : undefined
        }
      >
        <RowChart data={types.data} />
      </ChartFigure>
      <ChartFigure
        title="Share with data produced, by country"
        summary={`Bar chart of the percentage of requests where some data was produced, by country. ${describe(shares, none)}`}
        columns={['Country', 'Share with data produced']}
        rows={tableRows(shares)}
        note={
          shares.some((s) => s.label === 'withheld')
            ? 'Withheld shares are drawn as empty bars: a count behind them is suppressed.'
            : undefined
        }
      >
        <ColumnChart data={shares} percent />
      </ChartFigure>
      <ChartFigure
        title="Over periods"
        summary={`Total requests and share with data produced over ${trend.length} half-years. ${trend
          .map((p) => `${p.label}: ${trendRequests(p)} requests, ${trendShare(p)} with data produced`)
          .join('; ')}`}
        columns={['Half-year', 'Total requests', 'Share with data produced']}
        rows={trend.map((p) => ({
          key: p.label,
          cells: [p.label, trendRequests(p), trendShare(p)],
        }))}
        note={
          trend.some((p) => p.status === 'error')
            ? 'Some half-years could not be loaded; reload the page to try again.'
            : "The four half-years ending with the one this report's period ends in, with the same filters."
        }
      >
        <TrendChart points={trend} />
      </ChartFigure>
    </div>
  );
}
