import type { AttachmentKind, AttachmentView } from '@docket/shared/legal-requests.schemas';
import type { UseMutationResult } from '@tanstack/react-query';
import { FileUploadForm as SharedFileUploadForm } from '../../../components/file-upload-form';
import { type ComplaintFileKind, complaintFileKindLabels, complaintFileKinds } from '../labels';

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
  return (
    <SharedFileUploadForm<ComplaintFileKind>
      label={label}
      heading={heading}
      className="stack-sm"
      hint="Up to 25 MB: PDF, image, Word, text or email (.eml)."
      upload={upload}
      initialKind={fixedKind ?? 'correspondence'}
      kinds={fixedKind ? undefined : complaintFileKinds}
      kindLabels={complaintFileKindLabels}
      conflictSubject="this complaint"
      onReload={onReload}
    />
  );
}
