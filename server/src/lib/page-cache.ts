import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';

/**
 * The pages a server built lately, as the JSON bytes it answered with, so that reading the same case again
 * costs one primary-key read instead of the case's whole query and its JSON. A page is only ever answered
 * after the database has said, in that same request, that the page's stamp is still the case's: see
 * migration 2026-11-23-0012 for what the stamp covers. So the cache decides what is fast, never what is
 * true: a page whose case changed is simply read again.
 *
 * Memory is bounded twice: by size (the least recently used pages go first) and by time (a page nobody
 * read for IDLE_MS is dropped). A page is kept as its UTF-8 bytes, outside the JavaScript heap
 * (keptBytes): a read answers them as they are, where a string had to be measured and encoded on every
 * read, and the full collections do not mark them.
 */
export interface KeptPage<Extra> {
  /** What the database said the page was built from: the row's version and the page epoch. */
  stamp: string;
  epoch: number;
  /** The page's JSON as UTF-8 (keptBytes), up to where the parts computed per request go. */
  body: Buffer<ArrayBuffer>;
  /** What the per-request parts are computed from. */
  extra: Extra;
}

interface Entry<Extra> extends KeptPage<Extra> {
  bytes: number;
  usedAt: number;
  /** When it last moved to the end of the map's order. */
  movedAt: number;
}

/**
 * A page nobody read for this long is dropped: a server keeps the cases being read right now (a page
 * and its refetches, several people on one case, an integration polling), not every case opened this
 * hour. Their memory comes and goes within seconds, so a server's memory stays level.
 */
export const IDLE_MS = 20_000;
const REORDER_MS = 1000;
/** Per page, beyond its JSON: the entry, the map's slot and the extra fields, roughly. */
const OVERHEAD_BYTES = 512;

export class PageCache<Extra> {
  private readonly entries = new Map<string, Entry<Extra>>();
  private bytesKept = 0;
  private lastSweep = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly idleMs = IDLE_MS,
    private readonly now: () => number = performance.now.bind(performance),
  ) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  get(key: string): KeptPage<Extra> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.now();
    if (now - entry.usedAt >= this.idleMs) {
      this.remove(key, entry);
      return undefined;
    }
    // Most recently used last: the map's order is the eviction order. Moved at most once a second: the
    // order need not be finer than that, and moving costs more than the rest of a hit.
    if (now - entry.movedAt >= REORDER_MS) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      entry.movedAt = now;
    }
    entry.usedAt = now;
    return entry;
  }

  set(key: string, page: KeptPage<Extra>): void {
    const bytes = page.body.byteLength + OVERHEAD_BYTES;
    if (bytes > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    const now = this.now();
    this.entries.set(key, { ...page, bytes, usedAt: now, movedAt: now });
    this.bytesKept += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytesKept <= this.maxBytes) break;
      this.remove(oldest, entry);
    }
    if (now - this.lastSweep >= this.idleMs / 4) this.sweep(now);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.remove(key, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.bytesKept;
  }

  /** Drops the pages nobody read for IDLE_MS; they are first in the map's order. */
  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, entry] of this.entries) {
      if (now - entry.usedAt < this.idleMs) break;
      this.remove(key, entry);
    }
  }

  private remove(key: string, entry: Entry<Extra>): void {
    this.entries.delete(key);
    this.bytesKept -= entry.bytes;
  }
}

/**
 * Text as UTF-8 in memory of its own, outside the JavaScript heap, for keeping: not a slice of Node's
 * shared buffer pool (Buffer.from's, for short text), which would hold a whole pool slab alive for as
 * long as the page is kept.
 */
export function keptBytes(text: string): Buffer<ArrayBuffer> {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

/** JSON already made (from a kept page), answered and typed for the API client as `c.json(value)` would be. */
export function jsonText<T>(
  c: Context,
  body: string | Uint8Array<ArrayBuffer>,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  c.header('Content-Type', 'application/json');
  // The body is the JSON of a T: only its static type is c.body's.
  return c.body(body, 200) as unknown as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}
