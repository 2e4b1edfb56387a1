import type { ReportQuery } from '@docket/shared/reports.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { reportsQueryKey } from './get-transparency-report';

/** Locks a snapshot of the report for a period and scope; the server refuses a second one (409). */
export function usePublishReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ReportQuery) =>
      (await unwrap(client.api.reports.published.$post({ json: input }))).published,
    // The live report now carries its snapshot and the list has one more; after a 409 someone else
    // published first, and reloading shows their snapshot.
    onSettled: () => queryClient.invalidateQueries({ queryKey: reportsQueryKey }),
  });
}
