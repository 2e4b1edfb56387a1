import type { Me } from '@docket/shared/auth.schemas';
import { useQuery } from '@tanstack/react-query';
import { client, isApiError, unwrap } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/query-client';

/** The signed-in person, or null when there is no session. */
export async function getMe(): Promise<Me | null> {
  try {
    const { me } = await unwrap(client.api.auth.me.$get());
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
}
