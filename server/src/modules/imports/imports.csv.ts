import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { AppError } from '../../lib/errors';

export interface CsvRecord {
  /** The line the record starts on; the first line of the file is 1. */
  line: number;
  fields: string[];
}

const NEWLINES = /\r\n|\r|\n/g;
/** The longest record accepted: 500 identifiers and a 5,000-character summary fit with room to spare. */
const MAX_RECORD_BYTES = 1024 * 1024;
const RECORDS_PER_CHUNK = 500;

function newlinesIn(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.includes('\n') || field.includes('\r')) count += field.match(NEWLINES)?.length ?? 0;
  }
  return count;
}

/**
 * A CSV file read as it arrives: records come out one by one (never the whole file in memory), while
 * the bytes are counted against a limit and hashed (SHA-256 of the file exactly as sent).
 */
export class CsvInput {
  private readonly hash = createHash('sha256');
  private digest: string | null = null;
  /** Bytes read from the source so far. */
  bytes = 0;

  constructor(
    private readonly source: AsyncIterable<Uint8Array>,
    private readonly maxBytes: number,
  ) {}

  sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }

  async *records(): AsyncGenerator<CsvRecord[]> {
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.bytes += chunk.length;
        if (this.bytes > this.maxBytes) {
          const limit =
            this.maxBytes >= 1024 * 1024 ? `${Math.floor(this.maxBytes / 1024 / 1024)} MB` : `${this.maxBytes} bytes`;
          done(new AppError('payload_too_large', `The file is larger than ${limit}`));
          return;
        }
        this.hash.update(chunk);
        done(null, chunk);
      },
    });
    const parser = parse({
      bom: true,
      // Files from spreadsheets mix line endings; quoted fields may hold any of them.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      max_record_size: MAX_RECORD_BYTES,
    });
    // Errors reach the consumer through the parser, which pipeline destroys with them.
    const feeding = pipeline(Readable.from(this.source, { objectMode: false }), counter, parser).catch(() => {});
    let failure: unknown = null;
    let ended = false;
    let wake: (() => void) | null = null;
    const notify = () => {
      const resolve = wake;
      wake = null;
      resolve?.();
    };
    parser.on('readable', notify);
    parser.on('end', () => {
      ended = true;
      notify();
    });
    parser.on('error', (err) => {
      failure = err;
      notify();
    });
    parser.on('close', notify);
    try {
      // Records come out in chunks: one await per few hundred records, not one per record.
      for (;;) {
        if (failure) throw failure;
        const chunk: CsvRecord[] = [];
        while (chunk.length < RECORDS_PER_CHUNK) {
          const item: { record: string[]; info: { lines: number } } | null = parser.read();
          if (item === null) break;
          chunk.push({ line: item.info.lines - newlinesIn(item.record), fields: item.record });
        }
        if (chunk.length > 0) {
          yield chunk;
          continue;
        }
        if (ended || (parser.destroyed && !failure)) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('CSV_')) {
        throw new AppError('bad_request', `The file is not valid CSV: ${(err as Error).message}`);
      }
      throw err;
    } finally {
      parser.destroy();
      await feeding;
    }
  }
}
