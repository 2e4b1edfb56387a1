import type { SignInInput } from '@docket/shared/auth.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/query-client';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignInInput) => (await unwrap(client.api.auth['sign-in'].$post({ json: input }))).me,
    onSuccess: (me) => {
      // A different person may have signed in on this tab: drop everything cached for the last one.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
