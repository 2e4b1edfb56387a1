import type { ComplaintStatus, complaintQueueViews } from '@docket/shared/complaints.schemas';
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
}

const pageSize = 50;

/** The complaints queue, soonest deadline first, one keyset page at a time. */
export function useComplaints(filter: ComplaintQueueFilter) {
  return useInfiniteQuery({
    queryKey: [...complaintsQueryKey, 'queue', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const query: Record<string, string> = { view: filter.view, limit: String(pageSize) };
      if (filter.status.length > 0) query.status = filter.status.join(',');
      if (filter.category) query.category = filter.category;
      if (filter.regulatorId) query.regulatorId = filter.regulatorId;
      if (filter.email) query.email = filter.email;
      if (pageParam) query.after = pageParam;
      return unwrap(client.api.complaints.$get({ query }));
    },
    getNextPageParam: (lastPage) => lastPage.nextAfter ?? undefined,
  });
}
