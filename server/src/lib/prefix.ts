import { type RawBuilder, sql } from 'kysely';

/** The greatest character: in UTF-8 byte order every string that starts with a prefix sorts below prefix + this. */
const GREATEST = '\u{10FFFF}';

/**
 * `column` starts with `prefix`, written as a byte-order range (the text_pattern_ops operators) instead
 * of `like $1 || '%'`: a prepared statement's generic plan cannot use an index for a LIKE whose pattern
 * is a parameter, and scans the table; the range uses the column's text_pattern_ops index either way.
 * A query that also wants these rows in order sorts them `using ~<~`, the order that index keeps.
 */
export function startsWith(column: string, prefix: string): RawBuilder<boolean> {
  const ref = sql.ref(column);
  return sql<boolean>`(${ref} ~>=~ ${prefix} and ${ref} ~<~ ${prefix + GREATEST})`;
}
