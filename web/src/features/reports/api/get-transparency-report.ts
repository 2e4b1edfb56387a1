import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { apiQuery, type ReportFilter } from '../report-filter';

export const reportsQueryKey = ['reports'] as const;

type ReportScope = Omit<ReportFilter, 'period'>;

function transparencyQuery(scope: ReportScope) {
  const query = apiQuery(scope);
  return {
    queryKey: [...reportsQueryKey, 'transparency', query],
    queryFn: () => unwrap(client.api.reports.transparency.$get({ query })),
  };
}

/** The live report for a period and scope, with the published snapshot (if any) and where they differ. */
export function useTransparencyReport(scope: ReportScope, enabled: boolean) {
  // Keep showing the previous period while the next one loads, so the page does not jump.
  return useQuery({ ...transparencyQuery(scope), enabled, placeholderData: keepPreviousData });
}

/** The same scope over several periods, for the trend chart; shares its cache with the single report. */
export function useTransparencyTrend(scopes: ReportScope[], enabled: boolean) {
  return useQueries({ queries: scopes.map((scope) => ({ ...transparencyQuery(scope), enabled })) });
}
