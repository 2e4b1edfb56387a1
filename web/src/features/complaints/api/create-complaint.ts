import type { CreateComplaintInput } from '@docket/shared/complaints.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { useStoreComplaint } from './get-complaint';

/** `idempotencyKey` is made once per form, so a double submit logs one complaint. */
export function useCreateComplaint(idempotencyKey: string) {
  const store = useStoreComplaint();
  return useMutation({
    mutationFn: async (input: CreateComplaintInput) =>
      (await unwrap(client.api.complaints.$post({ json: input }, { headers: { 'Idempotency-Key': idempotencyKey } })))
        .complaint,
    onSuccess: store,
  });
}
