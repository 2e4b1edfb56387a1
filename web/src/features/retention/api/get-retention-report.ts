import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export const retentionQueryKey = ['retention'] as const;

/** A dry run: what the retention rule would erase if it ran now. Always fresh, since time moves it. */
export function useRetentionReport() {
  return useQuery({
    queryKey: retentionQueryKey,
    staleTime: 0,
    queryFn: () => unwrap(client.api.retention.$get()),
  });
}
