import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export const complaintCategoriesQueryKey = ['complaint-categories'] as const;

/** The categories complaints are filed under; admins add to them. Rarely changes, so kept a while. */
export function useComplaintCategories() {
  return useQuery({
    queryKey: complaintCategoriesQueryKey,
    staleTime: 5 * 60_000,
    queryFn: async () => (await unwrap(client.api['complaint-categories'].$get())).categories,
  });
}
