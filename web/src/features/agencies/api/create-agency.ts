import type { CreateAgencyInput } from '@docket/shared/legal-requests.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { agenciesQueryKey } from './get-agencies';

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateAgencyInput) => (await unwrap(client.api.agencies.$post({ json: input }))).agency,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agenciesQueryKey }),
  });
}
