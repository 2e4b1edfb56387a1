import type { extendPreservationSchema } from '@docket/shared/legal-requests.schemas';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { client, unwrap } from '../../../lib/api-client';
import { legalRequestMutationKey, useStoreLegalRequest } from './get-legal-request';

type ExtendPreservationInput = z.input<typeof extendPreservationSchema>;

export function useExtendPreservation(id: string) {
  const store = useStoreLegalRequest();
  return useMutation({
    mutationKey: legalRequestMutationKey(id),
    mutationFn: async (input: ExtendPreservationInput) =>
      (await unwrap(client.api['legal-requests'][':id'].preservation.extension.$post({ param: { id }, json: input })))
        .request,
    onSuccess: store,
  });
}
