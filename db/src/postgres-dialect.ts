import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  type PostgresDialectConfig,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { ParameterOrJSON, ReservedSql, Sql } from 'postgres';

/**
 * Kysely over postgres.js with every query a named prepared statement, cached per connection.
 *
 * kysely-postgres-js sends each query through `unsafe()` unprepared: postgres.js then parses and
 * describes a query with parameters in one round trip and binds it in a second, and PostgreSQL plans
 * it every time. Kysely builds the same SQL text for the same query shape, so preparing it once per
 * connection makes every later run one round trip with no parse. postgres.js keeps the statements of a
 * connection until the connection is recycled (max_lifetime, 30–60 min), and re-prepares a statement
 * a schema change invalidated.
 */
export class PreparedPostgresDialect implements Dialect {
  constructor(private readonly sql: Sql) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PreparedPostgresDriver(this.sql);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PreparedPostgresDriver extends PostgresDriver {
  constructor(private readonly sql: Sql) {
    // The base class gives transactions and savepoints; the pool it would make from this config is never made.
    super({} as PostgresDialectConfig);
  }
  override async init() {}
  override async acquireConnection(): Promise<DatabaseConnection> {
    return new PreparedPostgresConnection(await this.sql.reserve());
  }
  override async releaseConnection(connection: DatabaseConnection) {
    (connection as PreparedPostgresConnection).reserved.release();
  }
  /**
   * Closing waits up to 5 s for queries still running, then closes every connection regardless: once a
   * connection has been reserved and released, postgres.js's end() never resolves without a timeout
   * (porsager/postgres#925), and the server would hang on shutdown.
   */
  override async destroy() {
    await this.sql.end({ timeout: 5 });
  }
}

const COUNTED = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PreparedPostgresConnection implements DatabaseConnection {
  constructor(readonly reserved: ReservedSql) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.reserved.unsafe<R[]>(query.sql, query.parameters as ParameterOrJSON<never>[], {
      prepare: true,
    });
    return {
      ...(COUNTED.has(result.command) ? { numAffectedRows: BigInt(result.count) } : {}),
      rows: Array.from(result),
    };
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const cursor = this.reserved
      .unsafe<R[]>(query.sql, query.parameters as ParameterOrJSON<never>[], { prepare: true })
      .cursor(chunkSize);
    for await (const rows of cursor) yield { rows };
  }
}
