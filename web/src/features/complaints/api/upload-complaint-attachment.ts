import type { AttachmentKind, AttachmentView } from '@docket/shared/legal-requests.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postFile } from '../../../lib/file-upload';
import { complaintMutationKey, complaintQueryKey } from './get-complaint';

/** A file on the complaint itself: the original letter or email, a reply sent. */
export function useUploadComplaintAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: complaintMutationKey(id),
    mutationFn: async ({ kind, file }: { kind: AttachmentKind; file: File }): Promise<AttachmentView> => {
      const query = new URLSearchParams({ kind, filename: file.name });
      const url = `/api/complaints/${encodeURIComponent(id)}/attachments?${query}`;
      return (await postFile<{ attachment: AttachmentView }>(url, file)).attachment;
    },
    // The answer is the attachment, not the complaint: fetch the complaint (and its timeline) again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintQueryKey(id) }),
  });
}

/** Downloads work for the complaint's files and its correspondence's files alike. */
export function complaintAttachmentUrl(complaintId: string, attachmentId: string): string {
  return `/api/complaints/${encodeURIComponent(complaintId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
