import type { AttachmentKind, AttachmentView } from '@docket/shared/legal-requests.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiErrorFrom, networkError } from '../../../lib/api-client';
import { legalRequestQueryKey } from './get-legal-request';

/** What the server accepts, by extension, for files the browser gives no type. */
const typesByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  csv: 'text/csv',
  eml: 'message/rfc822',
};

export const acceptedAttachmentTypes = [...new Set(Object.values(typesByExtension))];
export const maxAttachmentBytes = 25 * 1024 * 1024;

export function attachmentContentType(file: File): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return typesByExtension[extension] ?? 'application/octet-stream';
}

/**
 * The body is the file itself, so this goes through fetch rather than the typed JSON client;
 * errors become the same ApiError every other call throws.
 */
export function useUploadAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, file }: { kind: AttachmentKind; file: File }): Promise<AttachmentView> => {
      const query = new URLSearchParams({ kind, filename: file.name });
      let response: Response;
      try {
        response = await fetch(`/api/legal-requests/${encodeURIComponent(id)}/attachments?${query}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': attachmentContentType(file) },
          body: file,
        });
      } catch {
        throw networkError();
      }
      if (!response.ok) throw await apiErrorFrom(response);
      return ((await response.json()) as { attachment: AttachmentView }).attachment;
    },
    // The answer is the attachment, not the case: fetch the case again for its list and manifest.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: legalRequestQueryKey(id) }),
  });
}

export function attachmentUrl(requestId: string, attachmentId: string): string {
  return `/api/legal-requests/${encodeURIComponent(requestId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
