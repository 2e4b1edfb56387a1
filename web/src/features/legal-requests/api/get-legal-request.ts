import type { LegalRequestView } from '@docket/shared/legal-requests.schemas';
import { useIsMutating, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { client, unwrap } from '../../../lib/api-client';
import { legalRequestHistoryQueryKey } from './get-legal-request-history';
import { legalRequestsQueryKey } from './get-legal-requests';

export const legalRequestQueryKey = (id: string) => [...legalRequestsQueryKey, 'detail', id] as const;
/** Every change to one request carries this key, so the page can tell a change of its own is on its way. */
export const legalRequestMutationKey = (id: string) => ['legal-request-change', id] as const;

/**
 * Whether a change of this person's to the request is on its way. A control that sends the request's version waits
 * for it: sent meanwhile, it would carry the version from before that change and be refused as someone else's.
 */
export const useLegalRequestSaving = (id: string) => useIsMutating({ mutationKey: legalRequestMutationKey(id) }) > 0;

export function useLegalRequest(id: string) {
  return useQuery({
    queryKey: legalRequestQueryKey(id),
    queryFn: async () => (await unwrap(client.api['legal-requests'][':id'].$get({ param: { id } }))).request,
  });
}

/**
 * Every change answers with the fresh case: put it in the cache (no second round trip) and mark the
 * queues stale, since status, deadline or assignee may have moved the request between them. The
 * change also wrote an audit event, so the timeline is fetched again.
 */
export function useStoreLegalRequest() {
  const queryClient = useQueryClient();
  return useCallback(
    (request: LegalRequestView) => {
      queryClient.setQueryData(legalRequestQueryKey(request.id), request);
      void queryClient.invalidateQueries({ queryKey: [...legalRequestsQueryKey, 'queue'] });
      void queryClient.invalidateQueries({ queryKey: legalRequestHistoryQueryKey(request.id) });
    },
    [queryClient],
  );
}
