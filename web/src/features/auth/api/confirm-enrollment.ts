import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

/** The caller updates the cached person only after the recovery codes have been shown. */
export function useConfirmEnrollment() {
  return useMutation({
    mutationFn: (input: { code: string }) =>
      unwrap(client.api.auth['two-factor'].enrollment.confirm.$post({ json: input })),
  });
}
