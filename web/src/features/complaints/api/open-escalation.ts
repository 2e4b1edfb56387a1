import type { OpenEscalationInput } from '@docket/shared/complaints.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { complaintMutationKey, useStoreComplaint } from './get-complaint';

export function useOpenEscalation(id: string) {
  const store = useStoreComplaint();
  return useMutation({
    mutationKey: complaintMutationKey(id),
    mutationFn: async (input: OpenEscalationInput) =>
      (await unwrap(client.api.complaints[':id'].escalations.$post({ param: { id }, json: input }))).complaint,
    onSuccess: store,
  });
}
