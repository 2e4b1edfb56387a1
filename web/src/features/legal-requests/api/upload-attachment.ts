import type { AttachmentKind, AttachmentView } from '@docket/shared/legal-requests.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postFile } from '../../../lib/file-upload';
import { legalRequestMutationKey, legalRequestQueryKey } from './get-legal-request';

export function useUploadAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: legalRequestMutationKey(id),
    mutationFn: async ({ kind, file }: { kind: AttachmentKind; file: File }): Promise<AttachmentView> => {
      const query = new URLSearchParams({ kind, filename: file.name });
      const url = `/api/legal-requests/${encodeURIComponent(id)}/attachments?${query}`;
      return (await postFile<{ attachment: AttachmentView }>(url, file)).attachment;
    },
    // The answer is the attachment, not the case: fetch the case again for its list and manifest.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: legalRequestQueryKey(id) }),
  });
}

export function attachmentUrl(requestId: string, attachmentId: string): string {
  return `/api/legal-requests/${encodeURIComponent(requestId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
