import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export const regulatorsQueryKey = ['regulators'] as const;

/** The regulator registry, by country then name; inactive ones included (escalation forms filter them). */
export function useRegulators() {
  return useQuery({
    queryKey: regulatorsQueryKey,
    staleTime: 5 * 60_000,
    queryFn: async () => (await unwrap(client.api.regulators.$get())).regulators,
  });
}
