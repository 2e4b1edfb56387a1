import type { VerifySecondStepInput } from '@docket/shared/auth.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/query-client';

export function useVerifySecondStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: VerifySecondStepInput) =>
      (await unwrap(client.api.auth['second-step'].$post({ json: input }))).me,
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
