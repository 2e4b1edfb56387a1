import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../lib/errors';

/** Files live under the data folder, named by their SHA-256: the same bytes are stored once. */
export function attachmentsDir(dataDir: string): string {
  return join(dataDir, 'attachments');
}

export function blobPath(dataDir: string, sha256: string): string {
  return join(attachmentsDir(dataDir), sha256.slice(0, 2), sha256);
}

export interface StoredBlob {
  sha256: string;
  size: number;
  head: Uint8Array;
}

const HEAD_BYTES = 4100;

/** Streams a body to disk while hashing it; refuses past `maxBytes` without keeping anything. */
export async function storeBlob(
  dataDir: string,
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<StoredBlob> {
  const dir = attachmentsDir(dataDir);
  await mkdir(join(dir, 'tmp'), { recursive: true });
  const tmp = join(dir, 'tmp', randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  const headChunks: Buffer[] = [];
  let headSize = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(new AppError('payload_too_large', `Attachments may be at most ${Math.round(maxBytes / 1024 / 1024)} MB`));
        return;
      }
      if (headSize < HEAD_BYTES) {
        headChunks.push(chunk.subarray(0, HEAD_BYTES - headSize));
        headSize += Math.min(chunk.length, HEAD_BYTES - headSize);
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const file = await open(tmp, 'w', 0o600);
  try {
    await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream), meter, file.createWriteStream());
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  const sha256 = hash.digest('hex');
  const target = blobPath(dataDir, sha256);
  await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
  if (existsSync(target)) await rm(tmp, { force: true });
  else await rename(tmp, target);
  return { sha256, size, head: new Uint8Array(Buffer.concat(headChunks)) };
}

export function openBlob(dataDir: string, sha256: string) {
  const path = blobPath(dataDir, sha256);
  if (!existsSync(path)) throw new AppError('not_found', 'The stored file is missing');
  return Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
}
