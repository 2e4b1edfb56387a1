import type { LegalRequestStatus, ProcessType, queueViews } from '@docket/shared/legal-requests.schemas';
import type { ListSort } from '@docket/shared/lists.schemas';
import { useInfiniteQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export const legalRequestsQueryKey = ['legal-requests'] as const;

export type QueueView = (typeof queueViews)[number];

export interface QueueFilter {
  view: QueueView;
  status: LegalRequestStatus[];
  processType: ProcessType[];
  country?: string | undefined;
  agencyId?: string | undefined;
  assigneeId?: string | undefined;
  emergency?: 'true' | 'false' | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  sort: ListSort;
}

/** The query string of a filter, shared by the list and its CSV export. */
export function queueQuery(filter: QueueFilter): Record<string, string> {
  const query: Record<string, string> = { view: filter.view };
  if (filter.status.length > 0) query.status = filter.status.join(',');
  if (filter.processType.length > 0) query.processType = filter.processType.join(',');
  if (filter.country) query.country = filter.country;
  if (filter.agencyId) query.agencyId = filter.agencyId;
  if (filter.assigneeId) query.assigneeId = filter.assigneeId;
  if (filter.emergency) query.emergency = filter.emergency;
  if (filter.receivedFrom) query.receivedFrom = filter.receivedFrom;
  if (filter.receivedTo) query.receivedTo = filter.receivedTo;
  if (filter.sort !== 'deadline') query.sort = filter.sort;
  return query;
}

/** Where the browser downloads the whole filtered list as CSV. */
export const queueExportUrl = (filter: QueueFilter) =>
  `/api/legal-requests/export.csv?${new URLSearchParams(queueQuery(filter))}`;

const pageSize = 50;

/** The queue in the chosen order (next deadline by default), one keyset page at a time. */
export function useLegalRequests(filter: QueueFilter) {
  return useInfiniteQuery({
    queryKey: [...legalRequestsQueryKey, 'queue', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const query: Record<string, string> = { ...queueQuery(filter), limit: String(pageSize) };
      if (pageParam) query.after = pageParam;
      return unwrap(client.api['legal-requests'].$get({ query }));
    },
    getNextPageParam: (lastPage) => lastPage.nextAfter ?? undefined,
  });
}
