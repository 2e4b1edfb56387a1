import { type AttachmentKind, attachmentKinds, type LegalRequestView } from '@docket/shared/legal-requests.schemas';
import { FileUploadForm } from '../../../components/file-upload-form';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { attachmentUrl, useUploadAttachment } from '../api/upload-attachment';
import { attachmentKindLabels } from '../labels';

function UploadForm({ request, onReload }: { request: LegalRequestView; onReload: () => void }) {
  const upload = useUploadAttachment(request.id);
  return (
    <FileUploadForm<AttachmentKind>
      label="Upload a file"
      heading="Upload a file"
      className="stack subpanel"
      hint="Up to 25 MB. The SHA-256 of every file is recorded."
      upload={upload}
      initialKind={request.status === 'decided' ? 'production' : 'legal_process'}
      kinds={attachmentKinds}
      kindLabels={attachmentKindLabels}
      conflictSubject="this request"
      onReload={onReload}
    />
  );
}

export function AttachmentsSection({ request, onReload }: { request: LegalRequestView; onReload: () => void }) {
  return (
    <section className="panel stack" aria-labelledby="case-attachments">
      <h2 id="case-attachments">Attachments</h2>
      {request.attachments.length === 0 ? (
        <p className="muted">No files yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Attachments</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Kind</th>
                <th scope="col" className="numeric">
                  Size
                </th>
                <th scope="col">Uploaded</th>
              </tr>
            </thead>
            <tbody>
              {request.attachments.map((attachment) => (
                <tr key={attachment.id}>
                  <th scope="row">
                    <a href={attachmentUrl(request.id, attachment.id)} download={attachment.filename}>
                      {attachment.filename}
                    </a>
                  </th>
                  <td>{attachmentKindLabels[attachment.kind]}</td>
                  <td className="numeric">{formatBytes(attachment.size)}</td>
                  <td>{formatDateTime(attachment.uploadedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <UploadForm request={request} onReload={onReload} />
    </section>
  );
}
