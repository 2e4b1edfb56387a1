import type { ListSort } from '@docket/shared/lists.schemas';
import { type RawBuilder, sql } from 'kysely';
import { AppError } from './errors';

/**
 * Keyset paging for case lists: a page ends at a row, and the next page starts strictly after that row
 * in the list's order (its sort key, then id). The cursor is opaque to clients and names its order, so
 * a cursor from one order is refused in another instead of silently skipping rows.
 */
export interface Cursor {
  sort: ListSort;
  /** The last row's sort key: an ISO instant (deadline, received) or a reference; null = no deadline. */
  key: string | null;
  id: string;
}

/** The row fields a sort key comes from. */
export interface KeysetRow {
  id: string;
  next_deadline_at: Date | null;
  received_at: Date;
  reference: string;
}

function keyOf(row: KeysetRow, sort: ListSort): string | null {
  if (sort === 'deadline') return row.next_deadline_at?.toISOString() ?? null;
  if (sort === 'reference') return row.reference;
  return row.received_at.toISOString();
}

/** Rows per page when a whole list is read through (CSV export). */
export const EXPORT_PAGE = 1000;

export function cursorAfter(row: KeysetRow, sort: ListSort): Cursor {
  return { sort, key: keyOf(row, sort), id: row.id };
}

export function encodeCursor(row: KeysetRow, sort: ListSort): string {
  return packCursor([sort, keyOf(row, sort), row.id]);
}

export const invalidCursor = (message = 'Not a cursor from a previous page') =>
  new AppError('validation_failed', `after: ${message}`, { issues: [{ path: 'after', message }] });

/** The opaque `after` string of any keyed list: its parts as base64url JSON. */
export function packCursor(parts: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The parts packCursor packed; anything else is a 400 naming `after`. */
export function unpackCursor(value: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // not base64url JSON: refused below
  }
  throw invalidCursor();
}

/** A row id as a cursor carries it. */
export const isCursorId = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value);

export function decodeCursor(value: string | undefined, sort: ListSort): Cursor | undefined {
  if (value === undefined) return undefined;
  const [cursorSort, key, id] = unpackCursor(value);
  const validKey =
    key === null
      ? cursorSort === 'deadline'
      : typeof key === 'string' && (cursorSort === 'reference' || !Number.isNaN(Date.parse(key)));
  if (!isCursorId(id) || !(key === null || typeof key === 'string') || !validKey) throw invalidCursor();
  if (cursorSort !== sort) throw invalidCursor('This cursor belongs to a list in another order; start from page one');
  return { sort, key, id };
}

/** ORDER BY expressions for a sort, for the table alias given. */
export function keysetOrder(sort: ListSort, alias: string): RawBuilder<unknown>[] {
  const id = sql.ref(`${alias}.id`);
  if (sort === 'deadline') return [sql`${sql.ref(`${alias}.next_deadline_at`)} asc nulls last`, sql`${id} asc`];
  if (sort === 'reference') return [sql`${sql.ref(`${alias}.reference`)} asc`, sql`${id} asc`];
  const direction = sort === 'received_desc' ? sql`desc` : sql`asc`;
  return [sql`${sql.ref(`${alias}.received_at`)} ${direction}`, sql`${id} ${direction}`];
}

/** Rows strictly after the cursor in its order, for the table alias given. */
export function keysetAfter(cursor: Cursor, alias: string): RawBuilder<boolean> {
  const id = sql.ref(`${alias}.id`);
  if (cursor.sort === 'deadline') {
    const deadline = sql.ref(`${alias}.next_deadline_at`);
    if (cursor.key === null) return sql<boolean>`(${deadline} is null and ${id} > ${cursor.id})`;
    const at = new Date(cursor.key);
    return sql<boolean>`(${deadline} > ${at} or (${deadline} = ${at} and ${id} > ${cursor.id}) or ${deadline} is null)`;
  }
  if (cursor.sort === 'reference') {
    return sql<boolean>`(${sql.ref(`${alias}.reference`)}, ${id}) > (${cursor.key}, ${cursor.id}::uuid)`;
  }
  const received = sql.ref(`${alias}.received_at`);
  const at = new Date(cursor.key as string);
  return cursor.sort === 'received_desc'
    ? sql<boolean>`(${received}, ${id}) < (${at}, ${cursor.id}::uuid)`
    : sql<boolean>`(${received}, ${id}) > (${at}, ${cursor.id}::uuid)`;
}

/** The received-date range filter: whole UTC days, both ends included. */
export function receivedBetween(alias: string, from: string | undefined, to: string | undefined) {
  const received = sql.ref(`${alias}.received_at`);
  const parts: RawBuilder<boolean>[] = [];
  if (from) parts.push(sql<boolean>`${received} >= ${new Date(`${from}T00:00:00Z`)}`);
  if (to) parts.push(sql<boolean>`${received} < ${new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000)}`);
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : null;
}
