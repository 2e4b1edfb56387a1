import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => unwrap(client.api.audit.verify.$post()) });
}
