import type { Role } from '@docket/shared/roles';
import type { UserStatus } from '@docket/shared/users.schemas';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export interface UsersFilter {
  status?: UserStatus | undefined;
  role?: Role | undefined;
}

export const usersQueryKey = ['users'] as const;

export function useUsers(filter: UsersFilter) {
  return useQuery({
    queryKey: [...usersQueryKey, filter],
    queryFn: async () => {
      const query: { status?: UserStatus; role?: Role } = {};
      if (filter.status) query.status = filter.status;
      if (filter.role) query.role = filter.role;
      return (await unwrap(client.api.users.$get({ query }))).users;
    },
  });
}
