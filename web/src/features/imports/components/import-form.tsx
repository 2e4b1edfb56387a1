import {
  type ImportMode,
  type ImportResult,
  importModeDescriptions,
  importModeLabels,
  importModes,
  MAX_IMPORT_BYTES,
} from '@docket/shared/imports.schemas';
import { type FormEvent, useId, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { TextField } from '../../../components/text-field';
import { formatBytes } from '../../../lib/format';
import { useRunImport } from '../api/run-import';

/** Why a chosen file cannot be imported, in words, or null; the server checks the same again. */
function checkImportFile(file: File | undefined): string | null {
  if (!file) return 'Choose a CSV file to import';
  if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') return 'Choose a CSV file (.csv)';
  if (file.size > MAX_IMPORT_BYTES) return `The file is ${formatBytes(file.size)}; the limit is 100 MB`;
  return null;
}

/** Picks a file and a mode, sends it, and shows how far the server has got while it imports. */
export function ImportForm({ onImported }: { onImported: (result: ImportResult) => void }) {
  const run = useRunImport();
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ rows: number; bytes: number; size: number } | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    const problem = checkImportFile(file);
    setFileError(problem);
    if (problem || !file) {
      fileRef.current?.focus();
      return;
    }
    setProgress({ rows: 0, bytes: 0, size: file.size });
    try {
      const result = await run.mutateAsync({
        file,
        mode,
        onProgress: ({ rows, bytes }) => setProgress({ rows, bytes, size: file.size }),
      });
      onImported(result);
      if (fileRef.current) fileRef.current.value = '';
    } catch {
      // Shown by the alert above the form.
    } finally {
      setProgress(null);
    }
  };

  return (
    <form className="panel stack" onSubmit={onSubmit} noValidate aria-label="Import legal requests">
      <h2>Import a file</h2>
      <ErrorAlert error={run.error} />
      <TextField
        id={fileId}
        ref={fileRef}
        label="CSV file"
        type="file"
        accept=".csv,text/csv"
        disabled={run.isPending}
        hint="UTF-8 CSV with a header row naming the columns below; at most 100 MB."
        error={fileError ?? undefined}
        onChange={() => setFileError(null)}
      />
      <fieldset className="fieldset field">
        <legend>If some rows are not valid</legend>
        <div className="stack-sm">
          {importModes.map((option) => (
            <label key={option} className="checkbox">
              <input
                type="radio"
                name="mode"
                value={option}
                checked={mode === option}
                disabled={run.isPending}
                onChange={() => setMode(option)}
              />
              <span>
                <strong>{importModeLabels[option]}</strong>: {importModeDescriptions[option]}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="muted small">
        Rows already imported (same agency and external reference) are skipped, so a file can safely be imported again.
      </p>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={run.isPending}>
          {run.isPending ? 'Importing…' : 'Import'}
        </button>
      </div>
      {progress ? (
        <div className="stack-sm" role="status" aria-live="polite">
          <label htmlFor={`${fileId}-progress`}>
            {progress.rows > 0 ? `${progress.rows.toLocaleString()} rows read…` : 'Sending the file…'}
          </label>
          <progress id={`${fileId}-progress`} max={Math.max(progress.size, 1)} value={progress.bytes} />
        </div>
      ) : null}
    </form>
  );
}
