import type { AttachmentView } from '@docket/shared/legal-requests.schemas';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { complaintAttachmentUrl } from '../api/upload-complaint-attachment';

interface AttachmentsListProps {
  complaintId: string;
  attachments: AttachmentView[];
}

/** Download links for a complaint's files (the API lists them only to roles that may open them). */
export function AttachmentsList({ complaintId, attachments }: AttachmentsListProps) {
  if (attachments.length === 0) return null;
  return (
    <ul className="file-list">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <a href={complaintAttachmentUrl(complaintId, attachment.id)} download={attachment.filename}>
            {attachment.filename}
          </a>{' '}
          <span className="muted small">
            {formatBytes(attachment.size)} · {formatDateTime(attachment.uploadedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
