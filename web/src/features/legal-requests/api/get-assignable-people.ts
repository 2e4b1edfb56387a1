import { can } from '@docket/shared/permissions';
import type { Role } from '@docket/shared/roles';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { usersQueryKey } from '../../users/api/get-users';

const assignableRoles: readonly Role[] = ['legal', 'admin'];

export interface AssignablePerson {
  id: string;
  name: string;
}

/**
 * Active legal and admin people, who may hold a request. Only admins can list people today
 * (GET /api/users), so everyone else gets an empty list and assigns to themselves.
 */
export function useAssignablePeople(role: Role) {
  return useQuery({
    queryKey: [...usersQueryKey, 'assignable'],
    enabled: can(role, 'users.read'),
    queryFn: async () => {
      const { users } = await unwrap(client.api.users.$get({ query: { status: 'active' } }));
      return users
        .filter((user) => assignableRoles.includes(user.role) && user.name)
        .map((user): AssignablePerson => ({ id: user.id, name: user.name ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}
