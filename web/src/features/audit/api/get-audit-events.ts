import { useInfiniteQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export interface AuditFilter {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
}

const pageSize = 50;

export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const query: Record<string, string> = { limit: String(pageSize) };
      if (pageParam !== undefined) query.before = String(pageParam);
      for (const [key, value] of Object.entries(filter)) if (value) query[key] = value;
      return unwrap(client.api.audit.$get({ query }));
    },
    getNextPageParam: (lastPage) => lastPage.nextBefore ?? undefined,
  });
}
