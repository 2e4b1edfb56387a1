import type { ChangePasswordInput } from '@docket/shared/auth.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ChangePasswordInput) => {
      await unwrap(client.api.auth.password.$post({ json: input }));
    },
    // The server may end other sessions on a password change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });
}
