import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { emailSchema } from '@docket/shared/auth.schemas';
import type { ImportMode, ImportResult } from '@docket/shared/imports.schemas';
import { can } from '@docket/shared/permissions';
import type { Role } from '@docket/shared/roles';
import { SingleBar } from 'cli-progress';
import type { AppDeps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { findUserByEmail } from '../auth/auth.queries';
import { prepareImport } from './imports.service';

export const importUsage = `  import legal-requests <file.csv> --as E [--mode all-or-nothing|valid-rows]
                                              import historical legal requests from CSV as person E (legal or
                                              admin); all-or-nothing (default) writes nothing if any row is
                                              rejected. Columns: see the Import page or the README`;

const MODES: Record<string, ImportMode> = { 'all-or-nothing': 'all_or_nothing', 'valid-rows': 'valid_rows' };

interface Output {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * `pnpm docket import legal-requests <file> --as <email> [--mode …]`: the same import as the web app,
 * with a progress bar. Exit code 1 when rows were rejected in all-or-nothing mode (nothing was written).
 */
export async function runImportCommand(
  deps: AppDeps,
  positionals: string[],
  options: { as?: string | undefined; mode?: string | undefined },
  io: Output = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const [kind, file, ...extra] = positionals;
  if (kind !== 'legal-requests' || !file || extra.length > 0) {
    throw new AppError('bad_request', `Usage:\n${importUsage}`);
  }
  const mode = MODES[options.mode ?? 'all-or-nothing'];
  if (!mode) throw new AppError('bad_request', '--mode must be all-or-nothing or valid-rows');
  if (!options.as) throw new AppError('bad_request', '--as: give the email of the legal or admin person importing');
  const email = emailSchema.parse(options.as);
  const person = await findUserByEmail(deps.db, email);
  if (person?.status !== 'active' || !can(person.role as Role, 'legal_requests.write')) {
    throw new AppError('forbidden', `${email} is not an active legal or admin person`);
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError('not_found', `No file ${file}`);
  }

  const job = await prepareImport(
    deps,
    { userId: person.id, requestId: 'cli' },
    { body: createReadStream(file), filename: basename(file), mode },
  );
  const bar = new SingleBar({
    format: 'Importing [{bar}] {percentage}% | {rows} rows | {duration_formatted}',
    stream: io.err,
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(Math.max(size, 1), 0, { rows: 0 });
  let result: ImportResult;
  try {
    result = await job.run(({ rows, bytes }) => {
      bar.update(Math.min(bytes, size), { rows });
    });
    bar.update(Math.max(size, 1), { rows: result.rowsTotal });
  } finally {
    bar.stop();
  }
  printReport(io.out, result);
  return result.mode === 'all_or_nothing' && result.rejected > 0 ? 1 : 0;
}

function printReport(out: NodeJS.WritableStream, r: ImportResult): void {
  const lines = [
    `${r.filename} (sha256 ${r.sha256}), mode ${r.mode.replaceAll('_', '-')}`,
    `Rows: ${r.rowsTotal}  valid: ${r.valid}  created: ${r.created}  skipped (already imported): ${r.skipped}  rejected: ${r.rejected}  agencies added: ${r.agenciesCreated}`,
  ];
  if (r.rejected > 0) {
    lines.push('Rejected rows:');
    for (const row of r.rejectedRows)
      lines.push(`  line ${row.line}${row.column ? `, ${row.column}` : ''}: ${row.reason}`);
    if (r.rejectedRows.length < r.rejected) lines.push(`  … and ${r.rejected - r.rejectedRows.length} more`);
  }
  if (r.skippedRows.length > 0) {
    lines.push('Skipped rows:');
    for (const row of r.skippedRows) lines.push(`  line ${row.line}: ${row.reason}`);
    if (r.skippedRows.length < r.skipped) lines.push(`  … and ${r.skipped - r.skippedRows.length} more`);
  }
  lines.push(
    r.committed
      ? `Import ${r.id} done: ${r.created} legal request(s) created.`
      : 'Nothing was imported: every row must be valid in all-or-nothing mode. Fix the rejected rows and import again, or use --mode valid-rows.',
  );
  out.write(`${lines.join('\n')}\n`);
}
