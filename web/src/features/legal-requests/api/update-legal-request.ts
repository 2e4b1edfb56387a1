import type { UpdateLegalRequestInput } from '@docket/shared/legal-requests.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { legalRequestMutationKey, useStoreLegalRequest } from './get-legal-request';

export function useUpdateLegalRequest(id: string) {
  const store = useStoreLegalRequest();
  return useMutation({
    mutationKey: legalRequestMutationKey(id),
    mutationFn: async (input: UpdateLegalRequestInput) =>
      (await unwrap(client.api['legal-requests'][':id'].$patch({ param: { id }, json: input }))).request,
    onSuccess: store,
  });
}
