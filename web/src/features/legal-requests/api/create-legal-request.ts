import type { CreateLegalRequestInput } from '@docket/shared/legal-requests.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { useStoreLegalRequest } from './get-legal-request';

/** `idempotencyKey` is made once per intake form, so a double submit creates one request. */
export function useCreateLegalRequest(idempotencyKey: string) {
  const store = useStoreLegalRequest();
  return useMutation({
    mutationFn: async (input: CreateLegalRequestInput) =>
      (
        await unwrap(
          client.api['legal-requests'].$post({ json: input }, { headers: { 'Idempotency-Key': idempotencyKey } }),
        )
      ).request,
    onSuccess: store,
  });
}
