import { type RawBuilder, sql } from 'kysely';

/** One column of a bulk insert: its name, its SQL type and how a row gives its value as text (or null). */
export interface BulkColumn<T> {
  name: string;
  /** A fixed SQL type name (never user input): text, uuid, timestamptz, boolean, integer, date, jsonb, text[]. */
  type: string;
  value: (row: T) => string | null;
  /**
   * The values can never hold a quote, backslash, comma, brace, space or the word NULL (ids, enum words,
   * ISO times, numbers): they go into the array literal as they are, unquoted.
   */
  plain?: boolean;
}

const needsEscape = /["\\]/g;

/** A PostgreSQL array literal of text values: quoted and escaped unless the column says they are plain. */
export function arrayLiteral(values: (string | null)[], plain: boolean): string {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) out += ',';
    const value = values[i];
    if (value === null || value === undefined) out += 'NULL';
    else if (plain) out += value;
    else out += `"${value.replace(needsEscape, '\\$&')}"`;
  }
  return `${out}}`;
}

/** Each column's values for these rows, as the array literal `bulkInsertLiterals` sends. */
export function columnLiterals<T>(columns: BulkColumn<T>[], rows: T[]): string[] {
  return columns.map((c) => arrayLiteral(rows.map(c.value), c.plain === true));
}

/**
 * `insert into table (…) select … from unnest($1::text::text[], …)`: one parameter per column however
 * many rows, so a batch of a thousand rows is a short statement that PostgreSQL and PGlite parse at once
 * (a VALUES list of 30,000 parameters costs more to send and plan than the rows cost to insert). Each
 * column travels as one array literal (`columnLiterals`, which a writer may build before it needs the
 * statement) and is cast in SQL: both drivers send it the same way. `tail` follows the select: a `where`
 * over the aliases c0, c1, … or an `on conflict … returning` clause.
 */
export function bulkInsertLiterals<T>(
  table: string,
  columns: BulkColumn<T>[],
  literals: string[],
  tail: RawBuilder<unknown> = sql``,
) {
  const aliases = columns.map((_, i) => `c${i}`);
  return sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c.name)))})
    select ${sql.raw(columns.map((c, i) => `${aliases[i]}::${c.type}`).join(', '))}
    from unnest(${sql.join(literals.map((l) => sql`${l}::text::text[]`))}) as u(${sql.raw(aliases.join(', '))})
    ${tail}`;
}

/** `bulkInsertLiterals` of these rows. */
export function bulkInsert<T>(table: string, columns: BulkColumn<T>[], rows: T[], tail: RawBuilder<unknown> = sql``) {
  return bulkInsertLiterals(table, columns, columnLiterals(columns, rows), tail);
}

export const textOf = {
  date: (value: Date | null) => (value ? value.toISOString() : null),
  bool: (value: boolean) => (value ? 't' : 'f'),
  int: (value: number) => String(value),
  json: (value: unknown) => JSON.stringify(value),
  /** Array literal for a text[] of plain words (enum values only: no quoting needed). */
  words: (values: readonly string[]) => `{${values.join(',')}}`,
};
