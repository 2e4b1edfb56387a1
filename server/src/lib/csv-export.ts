import { stringify } from 'csv-stringify/sync';
import type { Context } from 'hono';
import { recordAuditAlone } from '../modules/audit/audit.service';
import type { Actor, AppDeps, AppEnv } from './context';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab/CR) as a formula: such text gets a
 * leading apostrophe so an exported agency name can never execute in the reader's spreadsheet.
 */
function neutralise(value: string | number | boolean | null): string | number | boolean | null {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Streams pages of rows as one CSV download, so a list of any length never sits in memory whole. */
export function csvDownload<T>(
  c: Context<AppEnv>,
  filename: string,
  columns: CsvColumn<T>[],
  pages: AsyncIterable<T[]>,
): Response {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(stringify([columns.map((col) => col.header)])));
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        const rows = next.value.map((row) => columns.map((col) => neutralise(col.value(row))));
        if (rows.length) controller.enqueue(encoder.encode(stringify(rows)));
      } catch (err) {
        c.get('deps').logger.error({ err, requestId: c.get('requestId') }, 'CSV export failed part-way');
        controller.error(err);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  });
}

/**
 * An export takes a whole list out of Docket: the trail records who took which list. Only the shape of
 * the filter is kept (ids, enums, dates); free text such as a search term may hold personal data.
 */
export async function recordExport(deps: AppDeps, actor: Actor, entityType: string, filter: Record<string, unknown>) {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    changes[key] = key === 'q' || key === 'email' ? '(search text)' : value;
  }
  await recordAuditAlone(deps.db, deps.clock, actor, {
    action: `${entityType}.exported`,
    entityType,
    entityId: null,
    changes,
  });
}
