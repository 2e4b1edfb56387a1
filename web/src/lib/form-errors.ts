import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api-client';

/**
 * Puts the server's per-field issues next to the matching fields (issue.path is the field name)
 * and returns the names it placed, so the form-level alert does not repeat them.
 */
export function applyServerIssues<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): Path<T>[] {
  if (!(error instanceof ApiError)) return [];
  const placed: Path<T>[] = [];
  for (const issue of error.issues) {
    const field = fields.find((name) => name === issue.path);
    if (field && !placed.includes(field)) {
      setError(field, { type: 'server', message: issue.message });
      placed.push(field);
    }
  }
  return placed;
}
