import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { usersQueryKey } from './get-users';

export function useRemoveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      (await unwrap(client.api.users[':id'].$delete({ param: { id }, query: { version: String(version) } }))).user,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
