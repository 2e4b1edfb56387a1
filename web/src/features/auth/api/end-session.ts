import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await unwrap(client.api.auth.sessions[':id'].$delete({ param: { id } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });
}
