import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { legalRequestsQueryKey } from './get-legal-requests';

/** Under the case's own key, so fetching the case again (after an upload) refreshes its history too. */
export const legalRequestHistoryQueryKey = (id: string) => [...legalRequestsQueryKey, 'detail', id, 'history'] as const;

/** The case's own audit events, newest first. */
export function useLegalRequestHistory(id: string) {
  return useQuery({
    queryKey: legalRequestHistoryQueryKey(id),
    queryFn: () => unwrap(client.api['legal-requests'][':id'].history.$get({ param: { id }, query: {} })),
  });
}
