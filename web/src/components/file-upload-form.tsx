import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { isApiError } from '../lib/api-client';
import { acceptedUploadTypes, checkUploadFile } from '../lib/file-upload';
import { ErrorAlert } from './error-alert';
import { SelectField, TextField } from './text-field';
import { VersionConflictAlert } from './version-conflict-alert';

/** The parts of an upload mutation the form uses, so complaints and cases can share it. */
interface UploadMutation<K extends string> {
  mutateAsync: (variables: { kind: K; file: File }) => Promise<{ filename: string }>;
  error: Error | null;
  isPending: boolean;
  reset: () => void;
}

interface FileUploadFormProps<K extends string> {
  /** Names the form for assistive technology. */
  label: string;
  /** Shown as the form's heading when given. */
  heading?: string | undefined;
  className: string;
  /** The line under the file input. */
  hint: ReactNode;
  upload: UploadMutation<NoInfer<K>>;
  initialKind: K;
  /** The kinds to choose from; when absent the kind choice is hidden and `initialKind` is always sent. */
  kinds?: readonly K[] | undefined;
  kindLabels: Record<K, string>;
  /** What a stale version belongs to, e.g. "this complaint". */
  conflictSubject: string;
  onReload: () => void;
}

/** Uploads one file of a chosen kind, checking it first in the browser; shared by complaints and legal requests. */
export function FileUploadForm<K extends string>({
  label,
  heading,
  className,
  hint,
  upload,
  initialKind,
  kinds,
  kindLabels,
  conflictSubject,
  onReload,
}: FileUploadFormProps<K>) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<K>(initialKind);
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

  const reload = () => {
    upload.reset();
    onReload();
  };

  return (
    <form className={className} onSubmit={onSubmit} noValidate aria-label={label}>
      {heading ? <h3>{heading}</h3> : null}
      {isApiError(upload.error, 'version_conflict') ? (
        <VersionConflictAlert subject={conflictSubject} onReload={reload} />
      ) : (
        <ErrorAlert error={upload.error} />
      )}
      {uploaded ? (
        <p className="alert alert-success" role="status">
          {uploaded}
        </p>
      ) : null}
      <div className="form-grid">
        {kinds ? (
          <SelectField
            label="Kind of file"
            value={kind}
            onChange={(e) => {
              const next = kinds.find((k) => k === e.target.value);
              if (next) setKind(next);
            }}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          ref={fileRef}
          label="File"
          type="file"
          accept={acceptedUploadTypes.join(',')}
          hint={hint}
          error={fileError ?? undefined}
          onChange={() => setFileError(null)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={upload.isPending}>
          {upload.isPending ? 'Uploading…' : 'Upload'}
        </button>
      </div>
    </form>
  );
}
