import type { followUpSchema } from '@docket/shared/legal-requests.schemas';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { client, unwrap } from '../../../lib/api-client';
import { legalRequestMutationKey, useStoreLegalRequest } from './get-legal-request';

type FollowUpInput = z.input<typeof followUpSchema>;

export function useRecordFollowUp(id: string) {
  const store = useStoreLegalRequest();
  return useMutation({
    mutationKey: legalRequestMutationKey(id),
    mutationFn: async (input: FollowUpInput) =>
      (await unwrap(client.api['legal-requests'][':id']['follow-up'].$put({ param: { id }, json: input }))).request,
    onSuccess: store,
  });
}
