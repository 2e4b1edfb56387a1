import { type ProcessType, processTypeSchema } from '@docket/shared/legal-requests.schemas';
import { type ReportQuery, reportQuerySchema } from '@docket/shared/reports.schemas';
import { halfYearMatching, lastCompleteHalfYear, parseHalfYearKey } from './periods';

export const bandWidths = [250, 500, 1000] as const;
export type BandWidth = (typeof bandWidths)[number];

export const DEFAULT_BAND_WIDTH: BandWidth = 250;
export const DEFAULT_SUPPRESS_BELOW = 5;

/** What the report page shows; all of it lives in the URL so a view can be bookmarked and shared. */
export interface ReportFilter {
  /** A half-year key ("2026-H1") or "custom" for the two dates. */
  period: string;
  periodStart: string;
  periodEnd: string;
  country?: string | undefined;
  processType?: ProcessType | undefined;
  bandWidth: BandWidth;
  suppressBelow: number;
}

const { country: countrySchema, suppressBelow: suppressSchema } = reportQuerySchema.shape;

function bandWidthOf(value: string | null): BandWidth {
  const n = Number(value);
  return bandWidths.find((b) => b === n) ?? DEFAULT_BAND_WIDTH;
}

/** Reads the URL; junk in it falls back to the defaults rather than breaking the page. */
export function filterFromParams(params: URLSearchParams, today: string): ReportFilter {
  const fallback = lastCompleteHalfYear(today);
  const country = countrySchema.safeParse(params.get('country') ?? undefined);
  const processType = processTypeSchema.safeParse(params.get('processType') ?? undefined);
  const suppress = suppressSchema.safeParse(params.get('suppressBelow') ?? undefined);
  const options = {
    country: country.success ? country.data : undefined,
    processType: processType.success ? processType.data : undefined,
    bandWidth: bandWidthOf(params.get('bandWidth')),
    suppressBelow: suppress.success ? suppress.data : DEFAULT_SUPPRESS_BELOW,
  };
  if (params.get('period') === 'custom') {
    // Dates are kept as given; the shared schema says what is wrong with them before anything is fetched.
    return {
      period: 'custom',
      periodStart: params.get('periodStart') ?? fallback.start,
      periodEnd: params.get('periodEnd') ?? fallback.end,
      ...options,
    };
  }
  const half = parseHalfYearKey(params.get('period')) ?? fallback;
  return { period: half.key, periodStart: half.start, periodEnd: half.end, ...options };
}

/** Writes the URL, leaving out what is the default. */
export function paramsFromFilter(filter: ReportFilter, today: string): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.period === 'custom') {
    params.set('period', 'custom');
    params.set('periodStart', filter.periodStart);
    params.set('periodEnd', filter.periodEnd);
  } else if (filter.period !== lastCompleteHalfYear(today).key) {
    params.set('period', filter.period);
  }
  if (filter.country) params.set('country', filter.country);
  if (filter.processType) params.set('processType', filter.processType);
  if (filter.bandWidth !== DEFAULT_BAND_WIDTH) params.set('bandWidth', String(filter.bandWidth));
  if (filter.suppressBelow !== DEFAULT_SUPPRESS_BELOW) params.set('suppressBelow', String(filter.suppressBelow));
  return params;
}

export interface ApiReportQuery {
  periodStart: string;
  periodEnd: string;
  bandWidth: string;
  suppressBelow: string;
  country?: string;
  processType?: ProcessType;
}

/** The API's query for a filter, as strings (what a URL carries). */
export function apiQuery(filter: Omit<ReportFilter, 'period'>): ApiReportQuery {
  const query: ApiReportQuery = {
    periodStart: filter.periodStart,
    periodEnd: filter.periodEnd,
    bandWidth: String(filter.bandWidth),
    suppressBelow: String(filter.suppressBelow),
  };
  if (filter.country) query.country = filter.country;
  if (filter.processType) query.processType = filter.processType;
  return query;
}

/** The query for links (CSV, JSON downloads). */
export function apiQueryString(filter: ReportFilter): string {
  return new URLSearchParams({ ...apiQuery(filter) }).toString();
}

/** Checks the filter with the API's own schema, so a bad range is explained without a round trip. */
export function validateFilter(filter: ReportFilter) {
  return reportQuerySchema.safeParse(apiQuery(filter));
}

/**
 * A published report's scope comes back as the server's key ("US|*|band250|suppress5"); read it back
 * into the filter that shows that report.
 */
export function filterForPublished(published: { periodStart: string; periodEnd: string; scope: string }): ReportFilter {
  const [country, processType, band, suppress] = published.scope.split('|');
  const half = halfYearMatching(published.periodStart, published.periodEnd);
  const type = processTypeSchema.safeParse(processType);
  const suppressBelow = Number(suppress?.replace(/^suppress/, ''));
  return {
    period: half ? half.key : 'custom',
    periodStart: published.periodStart,
    periodEnd: published.periodEnd,
    country: country && country !== '*' ? country : undefined,
    processType: type.success ? type.data : undefined,
    bandWidth: bandWidthOf(band?.replace(/^band/, '') ?? null),
    suppressBelow: Number.isInteger(suppressBelow) ? suppressBelow : DEFAULT_SUPPRESS_BELOW,
  };
}

/** The body that publishes what a filter shows. */
export function publishBody(filter: ReportFilter): ReportQuery {
  return {
    periodStart: filter.periodStart,
    periodEnd: filter.periodEnd,
    bandWidth: filter.bandWidth,
    suppressBelow: filter.suppressBelow,
    ...(filter.country ? { country: filter.country } : {}),
    ...(filter.processType ? { processType: filter.processType } : {}),
  };
}
