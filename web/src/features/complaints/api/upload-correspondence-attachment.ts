import type { AttachmentKind, AttachmentView } from '@docket/shared/legal-requests.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postFile } from '../../../lib/file-upload';
import { complaintMutationKey, complaintQueryKey } from './get-complaint';

interface CorrespondenceRef {
  complaintId: string;
  escalationId: string;
  correspondenceId: string;
}

/** A file on one entry of an escalation's correspondence log: the regulator's letter, our reply. */
export function useUploadCorrespondenceAttachment({ complaintId, escalationId, correspondenceId }: CorrespondenceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: complaintMutationKey(complaintId),
    mutationFn: async ({ kind, file }: { kind: AttachmentKind; file: File }): Promise<AttachmentView> => {
      const query = new URLSearchParams({ kind, filename: file.name });
      const path = [complaintId, 'escalations', escalationId, 'correspondence', correspondenceId]
        .map(encodeURIComponent)
        .join('/');
      return (await postFile<{ attachment: AttachmentView }>(`/api/complaints/${path}/attachments?${query}`, file))
        .attachment;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintQueryKey(complaintId) }),
  });
}
