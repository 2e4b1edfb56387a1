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
