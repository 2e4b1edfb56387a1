import type { OpenPushbackInput } from '@docket/shared/legal-requests.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { legalRequestMutationKey, useStoreLegalRequest } from './get-legal-request';

export function useOpenPushback(id: string) {
  const store = useStoreLegalRequest();
  return useMutation({
    mutationKey: legalRequestMutationKey(id),
    mutationFn: async (input: OpenPushbackInput) =>
      (await unwrap(client.api['legal-requests'][':id'].pushbacks.$post({ param: { id }, json: input }))).request,
    onSuccess: store,
  });
}
