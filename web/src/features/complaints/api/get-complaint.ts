import type { ComplaintView } from '@docket/shared/complaints.schemas';
import { useIsMutating, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { client, unwrap } from '../../../lib/api-client';
import { complaintHistoryQueryKey } from './get-complaint-history';
import { complaintsQueryKey } from './get-complaints';

export const complaintQueryKey = (id: string) => [...complaintsQueryKey, 'detail', id] as const;
/** Every change to one complaint carries this key, so the page can tell a change of its own is on its way. */
export const complaintMutationKey = (id: string) => ['complaint-change', id] as const;

/** Whether a change of this person's to the complaint is on its way (see useLegalRequestSaving). */
export const useComplaintSaving = (id: string) => useIsMutating({ mutationKey: complaintMutationKey(id) }) > 0;

export function useComplaint(id: string) {
  return useQuery({
    queryKey: complaintQueryKey(id),
    queryFn: async () => (await unwrap(client.api.complaints[':id'].$get({ param: { id } }))).complaint,
  });
}

/**
 * Every change answers with the fresh complaint: put it in the cache (no second round trip), mark the
 * queues stale (status and next deadline may have moved it) and fetch the timeline for the new event.
 */
export function useStoreComplaint() {
  const queryClient = useQueryClient();
  return useCallback(
    (complaint: ComplaintView) => {
      queryClient.setQueryData(complaintQueryKey(complaint.id), complaint);
      void queryClient.invalidateQueries({ queryKey: [...complaintsQueryKey, 'queue'] });
      void queryClient.invalidateQueries({ queryKey: complaintHistoryQueryKey(complaint.id) });
    },
    [queryClient],
  );
}
