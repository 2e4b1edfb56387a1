import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

/** One search over the cases this role may open; runs when there are at least two characters. */
export function useSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text],
    enabled: text.length >= 2,
    queryFn: () => unwrap(client.api.search.$get({ query: { q: text } })),
  });
}
