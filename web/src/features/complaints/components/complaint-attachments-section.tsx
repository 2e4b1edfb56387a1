import type { ComplaintView } from '@docket/shared/complaints.schemas';
import { useUploadComplaintAttachment } from '../api/upload-complaint-attachment';
import { AttachmentsList } from './attachments-list';
import { FileUploadForm } from './file-upload-form';

interface ComplaintAttachmentsSectionProps {
  complaint: ComplaintView;
  canWrite: boolean;
  onReload: () => void;
}

/** The complaint's own files: the original letter or email, replies sent. Shown to personal-data roles only. */
export function ComplaintAttachmentsSection({ complaint, canWrite, onReload }: ComplaintAttachmentsSectionProps) {
  const upload = useUploadComplaintAttachment(complaint.id);
  const canUpload = canWrite && complaint.status !== 'closed' && !complaint.personalDataErasedAt;
  return (
    <section className="panel stack" id="complaint-files" aria-labelledby="complaint-files-title" tabIndex={-1}>
      <h2 id="complaint-files-title">Files</h2>
      {complaint.attachments.length === 0 ? (
        <p className="muted">No files yet.</p>
      ) : (
        <AttachmentsList complaintId={complaint.id} attachments={complaint.attachments} />
      )}
      {canUpload ? (
        <div className="subpanel">
          <FileUploadForm label="Upload a file" heading="Upload a file" upload={upload} onReload={onReload} />
        </div>
      ) : null}
    </section>
  );
}
