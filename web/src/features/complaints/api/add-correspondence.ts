import type { addCorrespondenceSchema } from '@docket/shared/complaints.schemas';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { client, unwrap } from '../../../lib/api-client';
import { complaintMutationKey, useStoreComplaint } from './get-complaint';

type AddCorrespondenceInput = z.input<typeof addCorrespondenceSchema>;

/** Append-only, like contacts: no version. */
export function useAddCorrespondence(id: string, escalationId: string) {
  const store = useStoreComplaint();
  return useMutation({
    mutationKey: complaintMutationKey(id),
    mutationFn: async (input: AddCorrespondenceInput) =>
      (
        await unwrap(
          client.api.complaints[':id'].escalations[':escalationId'].correspondence.$post({
            param: { id, escalationId },
            json: input,
          }),
        )
      ).complaint,
    onSuccess: store,
  });
}
