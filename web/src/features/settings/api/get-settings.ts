import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export const settingsQueryKey = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsQueryKey, queryFn: () => unwrap(client.api.settings.$get()) });
}
