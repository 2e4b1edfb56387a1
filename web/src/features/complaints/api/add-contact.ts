import type { AddContactInput } from '@docket/shared/complaints.schemas';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api-client';
import { complaintMutationKey, useStoreComplaint } from './get-complaint';

/** Contacts are append-only: no version, so two people logging at once both keep their entry. */
export function useAddContact(id: string) {
  const store = useStoreComplaint();
  return useMutation({
    mutationKey: complaintMutationKey(id),
    mutationFn: async (input: AddContactInput) =>
      (await unwrap(client.api.complaints[':id'].contacts.$post({ param: { id }, json: input }))).complaint,
    onSuccess: store,
  });
}
