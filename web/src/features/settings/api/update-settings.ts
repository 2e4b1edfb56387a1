import type { UpdateSettingsInput } from '@docket/shared/settings.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { settingsQueryKey } from './get-settings';

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSettingsInput) => unwrap(client.api.settings.$put({ json: input })),
    onSuccess: (settings) => queryClient.setQueryData(settingsQueryKey, settings),
  });
}
