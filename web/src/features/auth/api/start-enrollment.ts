import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

/**
 * Starts 2-step enrolment and returns the new secret. It is a POST, but kept in the query cache
 * (never refetched) so a re-render or React's double effect does not mint a second secret.
 */
export function useStartEnrollment() {
  return useQuery({
    queryKey: ['two-factor-enrollment'],
    queryFn: () => unwrap(client.api.auth['two-factor'].enrollment.$post()),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnMount: false,
    refetchOnReconnect: false,
    refetchOnWindowFocus: false,
  });
}
