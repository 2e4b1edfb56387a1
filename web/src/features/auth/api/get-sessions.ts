import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export function useSessions() {
  return useQuery({
    queryKey: ['sessions'],
    queryFn: async () => (await unwrap(client.api.auth.sessions.$get())).sessions,
  });
}
