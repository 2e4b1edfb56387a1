import type { ComplaintStatus, complaintQueueViews } from '@docket/shared/complaints.schemas';
import type { ListSort } from '@docket/shared/lists.schemas';
import { useInfiniteQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export const complaintsQueryKey = ['complaints'] as const;

export type ComplaintQueueView = (typeof complaintQueueViews)[number];

export interface ComplaintQueueFilter {
  view: ComplaintQueueView;
  status: ComplaintStatus[];
  category?: string | undefined;
  regulatorId?: string | undefined;
  /** A complainant's email: only roles that may see personal data may search by it. */
  email?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  sort: ListSort;
}

/** The query string of a filter, shared by the list and its CSV export (the export never takes an email). */
function complaintQuery(filter: Omit<ComplaintQueueFilter, 'email'>): Record<string, string> {
  const query: Record<string, string> = { view: filter.view };
  if (filter.status.length > 0) query.status = filter.status.join(',');
  if (filter.category) query.category = filter.category;
  if (filter.regulatorId) query.regulatorId = filter.regulatorId;
  if (filter.receivedFrom) query.receivedFrom = filter.receivedFrom;
  if (filter.receivedTo) query.receivedTo = filter.receivedTo;
  if (filter.sort !== 'deadline') query.sort = filter.sort;
  return query;
}

export const complaintExportUrl = (filter: Omit<ComplaintQueueFilter, 'email'>) =>
  `/api/complaints/export.csv?${new URLSearchParams(complaintQuery(filter))}`;

const pageSize = 50;

/** The complaints queue in the chosen order (soonest deadline by default), one keyset page at a time. */
export function useComplaints(filter: ComplaintQueueFilter) {
  return useInfiniteQuery({
    queryKey: [...complaintsQueryKey, 'queue', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const query: Record<string, string> = { ...complaintQuery(filter), limit: String(pageSize) };
      if (filter.email) query.email = filter.email;
      if (pageParam) query.after = pageParam;
      return unwrap(client.api.complaints.$get({ query }));
    },
    getNextPageParam: (lastPage) => lastPage.nextAfter ?? undefined,
  });
}
