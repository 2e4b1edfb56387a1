import type { updateRegulatorSchema } from '@docket/shared/complaints.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { client, unwrap } from '../../../lib/api-client';
import { regulatorsQueryKey } from './get-regulators';

export type UpdateRegulatorInput = z.input<typeof updateRegulatorSchema>;

export function useUpdateRegulator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, changes }: { id: string; changes: UpdateRegulatorInput }) =>
      (await unwrap(client.api.regulators[':id'].$patch({ param: { id }, json: changes }))).regulator,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regulatorsQueryKey }),
  });
}
