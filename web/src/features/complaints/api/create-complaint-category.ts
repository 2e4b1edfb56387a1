import type { createCategorySchema } from '@docket/shared/complaints.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { client, unwrap } from '../../../lib/api-client';
import { complaintCategoriesQueryKey } from './get-complaint-categories';

type CreateCategoryInput = z.input<typeof createCategorySchema>;

export function useCreateComplaintCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateCategoryInput) =>
      (await unwrap(client.api['complaint-categories'].$post({ json: input }))).category,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintCategoriesQueryKey }),
  });
}
