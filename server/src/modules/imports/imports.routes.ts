import {
  type ImportStreamLine,
  importHistoryQuerySchema,
  importQuerySchema,
  MAX_IMPORT_BYTES,
} from '@docket/shared/imports.schemas';
import { Hono } from 'hono';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { queryParams } from '../../lib/validation';
import { authorize } from '../../middleware/roles';
import { importTemplateCsv, listImportViews, prepareImport } from './imports.service';

const CSV_MEDIA_TYPE = 'text/csv';

/** Checks what can be checked before the body is read: its type, its charset and its declared size. */
function checkUpload(contentType: string | undefined, contentLength: string | undefined) {
  const [mediaType, ...params] = (contentType ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (mediaType !== CSV_MEDIA_TYPE) {
    throw new AppError('unsupported_media_type', 'Send the file itself as the request body (Content-Type: text/csv)');
  }
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length);
  if (charset && !['utf-8', 'utf8', '"utf-8"'].includes(charset)) {
    throw new AppError('unsupported_media_type', 'The file must be UTF-8 encoded');
  }
  if (contentLength && Number(contentLength) > MAX_IMPORT_BYTES) {
    throw new AppError('payload_too_large', `The file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  }
}

export const importsRoutes = new Hono<AppEnv>()
  .get('/', authorize('legal_requests.read'), queryParams(importHistoryQuerySchema), async (c) => {
    return c.json({ imports: await listImportViews(c.get('deps'), c.req.valid('query').limit) }, 200);
  })
  .get('/template.csv', authorize('legal_requests.read'), (c) => {
    return c.body(importTemplateCsv(), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="legal-requests-import-template.csv"',
      'X-Content-Type-Options': 'nosniff',
    });
  })
  /**
   * The CSV file is the body, read as it arrives. A wrong header, type or mode is refused (4xx) before
   * any row is processed; after that the answer is NDJSON: progress lines, then the result.
   */
  .post('/', authorize('legal_requests.write'), queryParams(importQuerySchema), async (c) => {
    checkUpload(c.req.header('content-type'), c.req.header('content-length'));
    const body = c.req.raw.body;
    if (!body) throw new AppError('bad_request', 'The file is empty: it needs a header row naming the columns');
    const deps = c.get('deps');
    const query = c.req.valid('query');
    const job = await prepareImport(deps, actorOf(c), { body, filename: query.filename, mode: query.mode });
    const requestId = c.get('requestId');
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // The client may have gone away; the import still finishes (or rolls back) on its own.
        const send = (line: ImportStreamLine) => {
          try {
            controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
          } catch {}
        };
        // Not awaited: start() must return so the lines flow to the client while the import runs.
        void job
          .run(({ rows, bytes }) => send({ type: 'progress', rows, bytes }))
          .then((result) => send({ type: 'result', import: result }))
          .catch((err: unknown) => {
            if (err instanceof AppError) send({ type: 'error', error: { code: err.code, message: err.message } });
            else {
              deps.logger.error({ err, requestId }, 'import failed');
              send({
                type: 'error',
                error: {
                  code: 'internal',
                  message: `Something went wrong on our side; nothing was imported. Quote request id ${requestId} if you report it.`,
                },
              });
            }
          })
          .finally(() => {
            try {
              controller.close();
            } catch {}
          });
      },
    });
    return c.body(stream, 200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
