import type { AddNoteInput } from '@docket/shared/legal-requests.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { legalRequestMutationKey, useStoreLegalRequest } from './get-legal-request';

export function useAddNote(id: string) {
  const store = useStoreLegalRequest();
  return useMutation({
    mutationKey: legalRequestMutationKey(id),
    mutationFn: async (input: AddNoteInput) =>
      (await unwrap(client.api['legal-requests'][':id'].notes.$post({ param: { id }, json: input }))).request,
    onSuccess: store,
  });
}
