import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/query-client';

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { code: string }) =>
      (await unwrap(client.api.auth['two-factor'].disable.$post({ json: input }))).me,
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
