import type { CreateRegulatorInput } from '@docket/shared/complaints.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { regulatorsQueryKey } from './get-regulators';

export function useCreateRegulator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateRegulatorInput) =>
      (await unwrap(client.api.regulators.$post({ json: input }))).regulator,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regulatorsQueryKey }),
  });
}
