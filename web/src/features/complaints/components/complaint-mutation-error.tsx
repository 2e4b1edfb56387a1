import { ErrorAlert } from '../../../components/error-alert';
import { VersionConflictAlert } from '../../../components/version-conflict-alert';
import { isApiError } from '../../../lib/api-client';

interface ComplaintMutationErrorProps {
  error: unknown;
  shownFields?: readonly string[];
  /** What the stale version belonged to: the complaint, or one of its escalations. */
  subject?: string;
  /** Fetches the complaint again (and clears this error) after someone else changed it. */
  onReload: () => void;
}

/** A refused change: the reload prompt for a stale version, the server's message otherwise. */
export function ComplaintMutationError({
  error,
  shownFields,
  subject = 'this complaint',
  onReload,
}: ComplaintMutationErrorProps) {
  if (isApiError(error, 'version_conflict')) return <VersionConflictAlert subject={subject} onReload={onReload} />;
  return <ErrorAlert error={error} shownFields={shownFields} />;
}
