import type { closeEscalationSchema } from '@docket/shared/complaints.schemas';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { client, unwrap } from '../../../lib/api-client';
import { complaintMutationKey, useStoreComplaint } from './get-complaint';

type CloseEscalationInput = z.input<typeof closeEscalationSchema>;

/** `version` is the escalation's own, not the complaint's. */
export function useCloseEscalation(id: string, escalationId: string) {
  const store = useStoreComplaint();
  return useMutation({
    mutationKey: complaintMutationKey(id),
    mutationFn: async (input: CloseEscalationInput) =>
      (
        await unwrap(
          client.api.complaints[':id'].escalations[':escalationId'].closure.$post({
            param: { id, escalationId },
            json: input,
          }),
        )
      ).complaint,
    onSuccess: store,
  });
}
