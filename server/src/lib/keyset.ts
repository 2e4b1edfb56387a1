import { sql } from 'kysely';
import { AppError } from './errors';

/** Opaque cursor for lists sorted by (next deadline, id): the last row of a page. */
export interface DeadlineCursor {
  deadline: string | null;
  id: string;
}

export function encodeCursor(deadline: Date | null, id: string): string {
  return Buffer.from(JSON.stringify([deadline?.toISOString() ?? null, id])).toString('base64url');
}

export function decodeCursor(value: string | undefined): DeadlineCursor | undefined {
  if (value === undefined) return undefined;
  try {
    const [deadline, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('id');
    if (deadline !== null && (typeof deadline !== 'string' || Number.isNaN(Date.parse(deadline))))
      throw new Error('deadline');
    return { deadline, id };
  } catch {
    throw new AppError('validation_failed', 'after: Not a cursor from a previous page', {
      issues: [{ path: 'after', message: 'Not a cursor from a previous page' }],
    });
  }
}

/** Rows after the cursor in (next_deadline_at asc nulls last, id) order, for the table alias given. */
export function afterDeadlineCursor(cursor: DeadlineCursor, alias: string) {
  const deadline = sql.ref(`${alias}.next_deadline_at`);
  const id = sql.ref(`${alias}.id`);
  if (cursor.deadline === null) return sql<boolean>`(${deadline} is null and ${id} > ${cursor.id})`;
  const at = new Date(cursor.deadline);
  return sql<boolean>`(${deadline} > ${at} or (${deadline} = ${at} and ${id} > ${cursor.id}) or ${deadline} is null)`;
}
