import type { AttachmentKind, AttachmentView } from '@docket/shared/legal-requests.schemas';
import type { Context } from 'hono';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { uploadAttachment } from './attachments.service';

/** Stores the request body (the file itself, not JSON) as an attachment of the entity. */
export function uploadFromRequest(
  c: Context<AppEnv>,
  entityType: string,
  entityId: string,
  query: { kind: AttachmentKind; filename: string },
) {
  const length = c.req.header('content-length');
  return uploadAttachment(c.get('deps'), actorOf(c), {
    entityType,
    entityId,
    kind: query.kind,
    filename: query.filename,
    contentType: c.req.header('content-type') ?? '',
    contentLength: length ? Number(length) : null,
    body: c.req.raw.body,
  });
}

/** Streams a stored file back as a download that the browser will not sniff or cache. */
export function attachmentResponse(
  c: Context<AppEnv>,
  file: { view: AttachmentView; stream: ReadableStream<Uint8Array> },
) {
  return c.body(file.stream, 200, {
    'Content-Type': file.view.contentType,
    'Content-Length': String(file.view.size),
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.view.filename)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    ETag: `"${file.view.sha256}"`,
  });
}
