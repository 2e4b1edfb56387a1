import type { TransitionInput } from '@docket/shared/legal-requests.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, isApiError, unwrap } from '../../../lib/api-client';
import { legalRequestMutationKey, legalRequestQueryKey, useStoreLegalRequest } from './get-legal-request';

export function useTransitionLegalRequest(id: string) {
  const store = useStoreLegalRequest();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: legalRequestMutationKey(id),
    mutationFn: async (input: TransitionInput) =>
      (await unwrap(client.api['legal-requests'][':id'].transitions.$post({ param: { id }, json: input }))).request,
    onSuccess: store,
    onError: (error) => {
      // The case moved on without us: fetch it so the offered moves match what the server allows.
      if (isApiError(error, 'invalid_transition')) {
        void queryClient.invalidateQueries({ queryKey: legalRequestQueryKey(id) });
      }
    },
  });
}
