import type { UpdateAgencyInput } from '@docket/shared/legal-requests.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { agenciesQueryKey } from './get-agencies';

export function useUpdateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, changes }: { id: string; changes: UpdateAgencyInput }) =>
      (await unwrap(client.api.agencies[':id'].$patch({ param: { id }, json: changes }))).agency,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agenciesQueryKey }),
  });
}
