import { can } from '@docket/shared/permissions';
import type { Role } from '@docket/shared/roles';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { usersQueryKey } from '../../users/api/get-users';

export interface AssignablePerson {
  id: string;
  name: string;
  role: Role;
}

/**
 * The active legal and admin people who may hold a request, for everyone who may write requests.
 * Kept under the users key so adding, disabling or removing a person refreshes the picker.
 */
export function useAssignablePeople(role: Role) {
  return useQuery({
    queryKey: [...usersQueryKey, 'assignable'],
    enabled: can(role, 'legal_requests.write'),
    queryFn: async () => {
      const { people } = await unwrap(client.api.users.assignable.$get());
      return people
        .filter((person) => person.name)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((person): AssignablePerson => ({ id: person.id, name: person.name, role: person.role }));
    },
  });
}
