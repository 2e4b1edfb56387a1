import type { IssueApiTokenInput } from '@docket/shared/api-tokens.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { apiTokensQueryKey } from './get-api-tokens';

/** Issues a token; the answer carries the secret, the only time it is ever shown. */
export function useIssueApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: IssueApiTokenInput) => unwrap(client.api['api-tokens'].$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}
