import type { NoticeInput } from '@docket/shared/legal-requests.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { legalRequestMutationKey, useStoreLegalRequest } from './get-legal-request';

export function useRecordNotice(id: string) {
  const store = useStoreLegalRequest();
  return useMutation({
    mutationKey: legalRequestMutationKey(id),
    mutationFn: async (input: NoticeInput) =>
      (await unwrap(client.api['legal-requests'][':id'].notice.$put({ param: { id }, json: input }))).request,
    onSuccess: store,
  });
}
