import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

export const meQueryKey = ['me'] as const;

/** A session that ended (expired, signed out elsewhere) sends the person back through the route guard. */
function onAuthError(error: unknown): void {
  if (!(error instanceof ApiError)) return;
  if (error.status === 401 && error.code === 'unauthenticated') {
    queryClient.setQueryData(meQueryKey, null);
  } else if (error.code === 'two_factor_required' || error.code === 'two_factor_enrollment_required') {
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAuthError }),
  mutationCache: new MutationCache({ onError: onAuthError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        // Client errors will not fix themselves; only retry network and server failures.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
  },
});
