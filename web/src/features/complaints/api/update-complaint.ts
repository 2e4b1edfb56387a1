import type { UpdateComplaintInput } from '@docket/shared/complaints.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { complaintMutationKey, useStoreComplaint } from './get-complaint';

export function useUpdateComplaint(id: string) {
  const store = useStoreComplaint();
  return useMutation({
    mutationKey: complaintMutationKey(id),
    mutationFn: async (input: UpdateComplaintInput) =>
      (await unwrap(client.api.complaints[':id'].$patch({ param: { id }, json: input }))).complaint,
    onSuccess: store,
  });
}
