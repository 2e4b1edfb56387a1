import { ErrorAlert } from '../../../components/error-alert';
import { VersionConflictAlert } from '../../../components/version-conflict-alert';
import { isApiError } from '../../../lib/api-client';

interface CaseMutationErrorProps {
  error: unknown;
  shownFields?: readonly string[];
  /** Fetches the case again (and clears this error) after someone else changed it. */
  onReload: () => void;
}

/** A refused change to a case: the reload prompt for a stale version, the server's message otherwise. */
export function CaseMutationError({ error, shownFields, onReload }: CaseMutationErrorProps) {
  if (isApiError(error, 'version_conflict')) return <VersionConflictAlert subject="this request" onReload={onReload} />;
  return <ErrorAlert error={error} shownFields={shownFields} />;
}
