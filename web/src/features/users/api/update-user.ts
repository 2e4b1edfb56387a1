import type { UpdateUserInput } from '@docket/shared/users.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { usersQueryKey } from './get-users';

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, changes }: { id: string; changes: UpdateUserInput }) =>
      (await unwrap(client.api.users[':id'].$patch({ param: { id }, json: changes }))).user,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
