import { useInfiniteQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

/** Everything about notifications lives under this key: the list and the unread count. */
export const notificationsQueryKey = ['notifications'] as const;

const pageSize = 30;

/** The signed-in person's notifications, newest first, one keyset page at a time. */
export function useNotifications(filter: { unreadOnly: boolean }) {
  return useInfiniteQuery({
    queryKey: [...notificationsQueryKey, 'list', filter],
    initialPageParam: undefined as string | undefined,
    staleTime: 0,
    queryFn: ({ pageParam }) => {
      const query: Record<string, string> = { limit: String(pageSize) };
      if (filter.unreadOnly) query.unread = 'true';
      if (pageParam) query.after = pageParam;
      return unwrap(client.api.notifications.$get({ query }));
    },
    getNextPageParam: (lastPage) => lastPage.nextAfter ?? undefined,
  });
}
