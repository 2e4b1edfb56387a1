import type { extendComplaintSchema } from '@docket/shared/complaints.schemas';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { client, unwrap } from '../../../lib/api-client';
import { complaintMutationKey, useStoreComplaint } from './get-complaint';

type ExtendComplaintInput = z.input<typeof extendComplaintSchema>;

export function useExtendComplaint(id: string) {
  const store = useStoreComplaint();
  return useMutation({
    mutationKey: complaintMutationKey(id),
    mutationFn: async (input: ExtendComplaintInput) =>
      (await unwrap(client.api.complaints[':id'].extension.$post({ param: { id }, json: input }))).complaint,
    onSuccess: store,
  });
}
