import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { complaintsQueryKey } from '../../complaints/api/get-complaints';
import { retentionQueryKey } from './get-retention-report';

/** Erases the personal data of every complaint past its retention period, now. */
export function useRunRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.api.retention.$post()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: retentionQueryKey });
      // Erased complaints lose their complainant details and files.
      void queryClient.invalidateQueries({ queryKey: complaintsQueryKey });
    },
  });
}
