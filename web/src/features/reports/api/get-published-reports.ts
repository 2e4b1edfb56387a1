import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { reportsQueryKey } from './get-transparency-report';

/** Every published snapshot, newest period first (without their contents). */
export function usePublishedReports() {
  return useQuery({
    queryKey: [...reportsQueryKey, 'published'],
    queryFn: async () => (await unwrap(client.api.reports.published.$get())).reports,
  });
}

export const publishedCsvUrl = (id: string) => `/api/reports/published/${encodeURIComponent(id)}/csv`;
