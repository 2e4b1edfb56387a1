import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchedDestination, createLogger, flushLogger, LOG_FLUSH_MS } from './logger';

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('server log', () => {
  it('writes lines in batches, and a lone line within a second', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'docket-log-')), 'out.log');
    const logger = createLogger('info', batchedDestination(path));
    await sleep(100); // the file is opened asynchronously
    logger.info({ n: 1 }, 'first');
    await sleep(50);
    expect(lines(path)).toEqual([]); // waiting for more lines to write with
    await sleep(LOG_FLUSH_MS + 300);
    expect(lines(path).map((line) => JSON.parse(line).msg)).toEqual(['first']);

    for (let n = 0; n < 200; n += 1) logger.info({ n, padding: 'x'.repeat(40) }, 'many');
    // Over 4 KiB: written without waiting for the next second.
    for (let waited = 0; lines(path).length === 1 && waited < 300; waited += 10) await sleep(10);
    expect(lines(path).length).toBeGreaterThan(1);
    logger.info('last');
    await flushLogger(logger);
    await sleep(50);
    const all = lines(path).map((line) => JSON.parse(line));
    expect(all).toHaveLength(202);
    expect(all.at(-1).msg).toBe('last');
  });
});
