import type { complaintTransitionSchema } from '@docket/shared/complaints.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { client, isApiError, unwrap } from '../../../lib/api-client';
import { complaintMutationKey, complaintQueryKey, useStoreComplaint } from './get-complaint';

type ComplaintTransitionInput = z.input<typeof complaintTransitionSchema>;

export function useTransitionComplaint(id: string) {
  const store = useStoreComplaint();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: complaintMutationKey(id),
    mutationFn: async (input: ComplaintTransitionInput) =>
      (await unwrap(client.api.complaints[':id'].transitions.$post({ param: { id }, json: input }))).complaint,
    onSuccess: store,
    onError: (error) => {
      // The complaint moved on without us: fetch it so the offered moves match what the server allows.
      if (isApiError(error, 'invalid_transition')) {
        void queryClient.invalidateQueries({ queryKey: complaintQueryKey(id) });
      }
    },
  });
}
