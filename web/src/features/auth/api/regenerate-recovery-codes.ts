import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

export function useRegenerateRecoveryCodes() {
  return useMutation({
    mutationFn: async (input: { code: string }) =>
      (await unwrap(client.api.auth['recovery-codes'].$post({ json: input }))).recoveryCodes,
  });
}
