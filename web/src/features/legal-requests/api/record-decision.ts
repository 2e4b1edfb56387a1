import type { DecisionInput } from '@docket/shared/legal-requests.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { legalRequestMutationKey, useStoreLegalRequest } from './get-legal-request';

export function useRecordDecision(id: string) {
  const store = useStoreLegalRequest();
  return useMutation({
    mutationKey: legalRequestMutationKey(id),
    mutationFn: async (input: DecisionInput) =>
      (await unwrap(client.api['legal-requests'][':id'].decision.$put({ param: { id }, json: input }))).request,
    onSuccess: store,
  });
}
