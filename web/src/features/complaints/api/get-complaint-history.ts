import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { complaintsQueryKey } from './get-complaints';

/** Under the complaint's own key, so fetching the complaint again (after an upload) refreshes it too. */
export const complaintHistoryQueryKey = (id: string) => [...complaintsQueryKey, 'detail', id, 'history'] as const;

/** The complaint's own audit events, newest first. */
export function useComplaintHistory(id: string) {
  return useQuery({
    queryKey: complaintHistoryQueryKey(id),
    queryFn: () => unwrap(client.api.complaints[':id'].history.$get({ param: { id }, query: {} })),
  });
}
