import type { ResolvePushbackInput } from '@docket/shared/legal-requests.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { legalRequestMutationKey, useStoreLegalRequest } from './get-legal-request';

export function useResolvePushback(id: string) {
  const store = useStoreLegalRequest();
  return useMutation({
    mutationKey: legalRequestMutationKey(id),
    mutationFn: async (input: ResolvePushbackInput) =>
      (await unwrap(client.api['legal-requests'][':id'].pushbacks.resolution.$post({ param: { id }, json: input })))
        .request,
    onSuccess: store,
  });
}
