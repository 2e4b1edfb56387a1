import type { ResponseInput } from '@docket/shared/legal-requests.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { legalRequestMutationKey, useStoreLegalRequest } from './get-legal-request';

export function useRecordResponse(id: string) {
  const store = useStoreLegalRequest();
  return useMutation({
    mutationKey: legalRequestMutationKey(id),
    mutationFn: async (input: ResponseInput) =>
      (await unwrap(client.api['legal-requests'][':id'].response.$put({ param: { id }, json: input }))).request,
    onSuccess: store,
  });
}
