import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await unwrap(client.api.auth.sessions.$delete());
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });
}
