import type { ResolveComplaintInput } from '@docket/shared/complaints.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { complaintMutationKey, useStoreComplaint } from './get-complaint';

export function useResolveComplaint(id: string) {
  const store = useStoreComplaint();
  return useMutation({
    mutationKey: complaintMutationKey(id),
    mutationFn: async (input: ResolveComplaintInput) =>
      (await unwrap(client.api.complaints[':id'].resolution.$put({ param: { id }, json: input }))).complaint,
    onSuccess: store,
  });
}
