import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export const agenciesQueryKey = ['agencies'] as const;

/** The agency registry, optionally narrowed by a search on the name. */
export function useAgencies(search = '') {
  const q = search.trim();
  return useQuery({
    queryKey: [...agenciesQueryKey, q],
    // While a new search loads, keep showing the last list rather than a loading line.
    placeholderData: keepPreviousData,
    queryFn: async () => (await unwrap(client.api.agencies.$get({ query: q ? { q } : {} }))).agencies,
  });
}
