import type { UpdateComplaintInput } from '@docket/shared/complaints.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { useStoreComplaint } from './get-complaint';

export function useUpdateComplaint(id: string) {
  const store = useStoreComplaint();
  return useMutation({
    mutationFn: async (input: UpdateComplaintInput) =>
      (await unwrap(client.api.complaints[':id'].$patch({ param: { id }, json: input }))).complaint,
    onSuccess: store,
  });
}
