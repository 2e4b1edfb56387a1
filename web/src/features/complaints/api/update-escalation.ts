import type { updateEscalationSchema } from '@docket/shared/complaints.schemas';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { client, unwrap } from '../../../lib/api-client';
import { complaintMutationKey, useStoreComplaint } from './get-complaint';

type UpdateEscalationInput = z.input<typeof updateEscalationSchema>;

/** `version` is the escalation's own, not the complaint's. */
export function useUpdateEscalation(id: string, escalationId: string) {
  const store = useStoreComplaint();
  return useMutation({
    mutationKey: complaintMutationKey(id),
    mutationFn: async (input: UpdateEscalationInput) =>
      (
        await unwrap(
          client.api.complaints[':id'].escalations[':escalationId'].$patch({
            param: { id, escalationId },
            json: input,
          }),
        )
      ).complaint,
    onSuccess: store,
  });
}
