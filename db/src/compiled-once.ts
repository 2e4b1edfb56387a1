import type { Compilable, CompiledQuery, Kysely, Transaction } from 'kysely';
import type { Database } from './database';

type Db = Kysely<Database> | Transaction<Database>;

const placeholder = (index: number) => `\u0000docket-value-${index}\u0000`;

/**
 * A query Kysely builds and compiles once, then runs with each call's values. Kysely otherwise builds
 * and compiles the whole query tree on every run: for the query behind every request (the session) or
 * every case page (a request with four JSON lists) that costs more Node time than PostgreSQL takes to
 * answer. `build` gets one placeholder per argument and must use each only as a value (in a where or a
 * join condition), which the compiled query carries as a parameter; the SQL text never changes.
 */
export function compiledOnce<Args extends string[], Row>(
  build: (db: Kysely<Database>, ...values: Args) => Compilable<Row>,
): (db: Db, ...values: Args) => Promise<Row[]> {
  let compiled: CompiledQuery<Row> | undefined;
  /** For each parameter: the argument it takes, or -1 when it is a constant of the query. */
  let sources: number[] = [];
  return async (db, ...values) => {
    if (!compiled) {
      const placeholders = values.map((_, i) => placeholder(i)) as Args;
      const query = build(db as Kysely<Database>, ...placeholders).compile();
      const found = query.parameters.map((p) => placeholders.indexOf(p as string));
      const unused = placeholders.findIndex((_, i) => !found.includes(i));
      if (unused >= 0) throw new Error(`compiledOnce: value ${unused} is not a parameter of the query`);
      compiled = query;
      sources = found;
    }
    const parameters = compiled.parameters.map((p, i) => {
      const source = sources[i] as number;
      return source < 0 ? p : values[source];
    });
    const result = await db.executeQuery<Row>({ ...compiled, parameters });
    return result.rows;
  };
}
