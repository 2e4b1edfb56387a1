import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { notificationsQueryKey } from './get-notifications';

/** How many notifications the person has not read; asked again every minute while the app is open. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsQueryKey, 'unread-count'],
    staleTime: 0,
    refetchInterval: 60_000,
    queryFn: async () => (await unwrap(client.api.notifications['unread-count'].$get())).unread,
  });
}
