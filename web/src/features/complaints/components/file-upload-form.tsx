import type { AttachmentKind, AttachmentView } from '@docket/shared/legal-requests.schemas';
import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { SelectField } from '../../../components/text-field';
import { acceptedUploadTypes, checkUploadFile } from '../../../lib/file-upload';
import { type ComplaintFileKind, complaintFileKindLabels, complaintFileKinds } from '../labels';
import { ComplaintMutationError } from './complaint-mutation-error';

interface FileUploadFormProps {
  /** Names the form for assistive technology, e.g. "Upload a file" or "Attach a file to the letter of 3 May". */
  label: string;
  /** Shown as the form's heading when given. */
  heading?: string | undefined;
  upload: UseMutationResult<AttachmentView, Error, { kind: AttachmentKind; file: File }>;
  onReload: () => void;
  /** Hide the kind choice (a regulator's letter is always correspondence). */
  fixedKind?: ComplaintFileKind | undefined;
}

/** Uploads one file to a complaint or to an entry of its correspondence, checking it first in the browser. */
export function FileUploadForm({ label, heading, upload, onReload, fixedKind }: FileUploadFormProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const [kind, setKind] = useState<ComplaintFileKind>(fixedKind ?? 'correspondence');
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
    <form className="stack-sm" onSubmit={onSubmit} noValidate aria-label={label}>
      {heading ? <h3>{heading}</h3> : null}
      <ComplaintMutationError
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
        {fixedKind ? null : (
          <SelectField
            label="Kind of file"
            value={kind}
            onChange={(e) => {
              const next = complaintFileKinds.find((k) => k === e.target.value);
              if (next) setKind(next);
            }}
          >
            {complaintFileKinds.map((k) => (
              <option key={k} value={k}>
                {complaintFileKindLabels[k]}
              </option>
            ))}
          </SelectField>
        )}
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
            Up to 25 MB: PDF, image, Word, text or email (.eml).
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
