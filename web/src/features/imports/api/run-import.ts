import type { ErrorCode } from '@docket/shared/errors';
import type { ImportMode, ImportResult, ImportStreamLine } from '@docket/shared/imports.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiErrorFrom, networkError } from '../../../lib/api-client';
import { legalRequestsQueryKey } from '../../legal-requests/api/get-legal-requests';
import { importsQueryKey } from './get-imports';

export interface RunImportInput {
  file: File;
  mode: ImportMode;
  /** Called with the rows and bytes of the file read so far, as the server reports them. */
  onProgress: (progress: { rows: number; bytes: number }) => void;
}

/**
 * Sends the file as the raw request body (text/csv) and reads the answer as it streams: one NDJSON line
 * per batch of rows, then the result. A refused file (wrong header, type or mode) is a normal error answer.
 */
async function runImport({ file, mode, onProgress }: RunImportInput): Promise<ImportResult> {
  const query = new URLSearchParams({ mode, filename: file.name });
  let response: Response;
  try {
    response = await fetch(`/api/legal-requests/imports?${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'text/csv' },
      body: file,
    });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await apiErrorFrom(response);
  if (!response.body) throw networkError();

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  const answer: { result: ImportResult | null } = { result: null };
  const handle = (line: string) => {
    if (!line.trim()) return;
    const message = JSON.parse(line) as ImportStreamLine;
    if (message.type === 'progress') onProgress({ rows: message.rows, bytes: message.bytes });
    else if (message.type === 'result') answer.result = message.import;
    else throw new ApiError(response.status, { code: message.error.code as ErrorCode, message: message.error.message });
  };
  for (;;) {
    let chunk: ReadableStreamReadResult<string>;
    try {
      chunk = await reader.read();
    } catch {
      throw networkError();
    }
    if (chunk.done) break;
    buffered += chunk.value;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) handle(line);
  }
  handle(buffered);
  if (!answer.result) {
    throw new ApiError(0, { message: 'The import stopped before it finished; nothing was saved. Try again.' });
  }
  return answer.result;
}

export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runImport,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: importsQueryKey });
      void queryClient.invalidateQueries({ queryKey: legalRequestsQueryKey });
    },
  });
}
