import {
  type AttachmentKind,
  attachmentKindSchema,
  attachmentKinds,
  type LegalRequestView,
} from '@docket/shared/legal-requests.schemas';
import { type FormEvent, useId, useRef, useState } from 'react';
import { SelectField } from '../../../components/text-field';
import { acceptedUploadTypes, checkUploadFile } from '../../../lib/file-upload';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { attachmentUrl, useUploadAttachment } from '../api/upload-attachment';
import { attachmentKindLabels } from '../labels';
import { CaseMutationError } from './case-mutation-error';

function UploadForm({ request, onReload }: { request: LegalRequestView; onReload: () => void }) {
  const upload = useUploadAttachment(request.id);
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const [kind, setKind] = useState<AttachmentKind>(request.status === 'decided' ? 'production' : 'legal_process');
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setUploaded(null);
    const file = fileRef.current?.files?.[0];
    const problem = checkUploadFile(file);
    setFileError(problem);
    if (problem || !file) {
      fileRef.current?.focus();
      return;
    }
    try {
      const attachment = await upload.mutateAsync({ kind, file });
      setUploaded(`${attachment.filename} uploaded.`);
      if (fileRef.current) fileRef.current.value = '';
    } catch {
      // Shown by the alert below.
    }
  };

  return (
    <form className="stack subpanel" onSubmit={onSubmit} noValidate aria-label="Upload a file">
      <h3>Upload a file</h3>
      <CaseMutationError
        error={upload.error}
        onReload={() => {
          upload.reset();
          onReload();
        }}
      />
      {uploaded ? (
        <p className="alert alert-success" role="status">
          {uploaded}
        </p>
      ) : null}
      <div className="form-grid">
        <SelectField
          label="Kind of file"
          value={kind}
          onChange={(e) => {
            const parsed = attachmentKindSchema.safeParse(e.target.value);
            if (parsed.success) setKind(parsed.data);
          }}
        >
          {attachmentKinds.map((k) => (
            <option key={k} value={k}>
              {attachmentKindLabels[k]}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor={fileId}>File</label>
          <input
            id={fileId}
            ref={fileRef}
            type="file"
            accept={acceptedUploadTypes.join(',')}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
            onChange={() => setFileError(null)}
          />
          <p className="field-hint" id={`${fileId}-hint`}>
            Up to 25 MB. The SHA-256 of every file is recorded.
          </p>
          {fileError ? (
            <p className="field-error" id={`${fileId}-error`}>
              {fileError}
            </p>
          ) : null}
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={upload.isPending}>
          {upload.isPending ? 'Uploading…' : 'Upload'}
        </button>
      </div>
    </form>
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
