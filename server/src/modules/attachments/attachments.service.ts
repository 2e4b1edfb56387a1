import type { Database } from '@docket/db/database';
import type { AttachmentKind, AttachmentView } from '@docket/shared/legal-requests.schemas';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { openBlob, storeBlob } from './attachments.storage';

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** What legal process, correspondence and productions arrive as. Binary types are checked by their bytes. */
const BINARY_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);
const TEXT_TYPES = new Set(['text/plain', 'text/csv', 'message/rfc822']);
export const ACCEPTED_TYPES = [...BINARY_TYPES, ...TEXT_TYPES];

async function checkContent(declared: string, head: Uint8Array): Promise<void> {
  const detected = await fileTypeFromBuffer(head);
  if (TEXT_TYPES.has(declared)) {
    const isText = !detected && !head.includes(0) && new TextDecoder('utf-8', { fatal: false }).decode(head).length > 0;
    if (!isText && head.length > 0) {
      throw new AppError(
        'unsupported_media_type',
        `The file is not ${declared}: it looks like ${detected?.mime ?? 'binary data'}`,
      );
    }
    return;
  }
  if (!BINARY_TYPES.has(declared)) {
    throw new AppError(
      'unsupported_media_type',
      `Files of type ${declared || '(none)'} are not accepted. Accepted: ${ACCEPTED_TYPES.join(', ')}`,
    );
  }
  // A .docx is a zip underneath: accept the container when the declared type is an Office type.
  const ok =
    detected?.mime === declared || (detected?.mime === 'application/zip' && declared.includes('openxmlformats'));
  if (!ok) {
    throw new AppError(
      'unsupported_media_type',
      `The file's content is ${detected?.mime ?? 'not recognised'}, not ${declared}`,
    );
  }
}

/** An attachment row as a view; `created_at` is a string when the row came inside a JSON array. */
export function toAttachmentView(
  row: Pick<
    Selectable<Database['attachments']>,
    'id' | 'kind' | 'filename' | 'content_type' | 'size' | 'sha256' | 'uploaded_by'
  > & { created_at: Date | string },
): AttachmentView {
  return {
    id: row.id,
    kind: row.kind as AttachmentKind,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedAt: new Date(row.created_at).toISOString(),
    uploadedBy: row.uploaded_by,
  };
}

export interface UploadInput {
  entityType: string;
  entityId: string;
  kind: AttachmentKind;
  filename: string;
  contentType: string;
  contentLength: number | null;
  body: ReadableStream<Uint8Array> | null;
}

/** Stores the bytes first (content-addressed, so a failed transaction leaves only an unreferenced blob), then the row and its audit event. */
export async function uploadAttachment(
  ctx: { db: Kysely<Database>; clock: Clock; config: { dataDir: string } },
  actor: Actor,
  input: UploadInput,
): Promise<AttachmentView> {
  const declared = input.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!BINARY_TYPES.has(declared) && !TEXT_TYPES.has(declared)) {
    throw new AppError(
      'unsupported_media_type',
      `Files of type ${declared || '(none)'} are not accepted. Accepted: ${ACCEPTED_TYPES.join(', ')}`,
    );
  }
  if (input.contentLength !== null && input.contentLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError('payload_too_large', `Attachments may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  }
  if (!input.body) throw new AppError('bad_request', 'The file is empty');
  const blob = await storeBlob(ctx.config.dataDir, input.body, MAX_ATTACHMENT_BYTES);
  if (blob.size === 0) throw new AppError('bad_request', 'The file is empty');
  await checkContent(declared, blob.head);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('attachments')
      .values({
        entity_type: input.entityType,
        entity_id: input.entityId,
        kind: input.kind,
        filename: input.filename,
        content_type: declared,
        size: blob.size,
        sha256: blob.sha256,
        uploaded_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.clock, actor, {
      action: 'attachment.added',
      entityType: input.entityType,
      entityId: input.entityId,
      changes: { attachmentId: row.id, kind: input.kind, sha256: blob.sha256, size: blob.size, contentType: declared },
    });
    return toAttachmentView(row);
  });
}

export async function readAttachment(
  ctx: { db: Kysely<Database>; config: { dataDir: string } },
  entityType: string,
  entityId: string,
  id: string,
) {
  const row = await ctx.db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', id)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  if (!row) throw notFound('Attachment');
  return openAttachment(ctx, row);
}

export function openAttachment(ctx: { config: { dataDir: string } }, row: Selectable<Database['attachments']>) {
  if (row.erased_at) throw new AppError('not_found', 'This file was erased under the retention rule');
  return { view: toAttachmentView(row), stream: openBlob(ctx.config.dataDir, row.sha256) };
}
