import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';

/** The caller reloads the app afterwards, which drops everything cached for this person. */
export function useSignOut() {
  return useMutation({
    mutationFn: async () => {
      await unwrap(client.api.auth['sign-out'].$post());
    },
  });
}
