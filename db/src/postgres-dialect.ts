import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type CompiledQuery,
  type ConnectionBuilder,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  type PostgresDialectConfig,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
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

/** Set while a `db.connection()` callback runs: its connection is a session of its own. */
const sessionScope = new AsyncLocalStorage<true>();

/**
 * Kysely for this dialect: `db.connection()` pins one PostgreSQL connection for its callback, as
 * Kysely's migrator needs for its session-level advisory lock (and the benchmark generator for its
 * temporary tables). Single queries outside it run on the pool; transactions reserve a connection.
 */
export class SessionKysely<DB> extends Kysely<DB> {
  override connection(): ConnectionBuilder<DB> {
    const builder = super.connection();
    const execute = builder.execute.bind(builder);
    builder.execute = (callback) => sessionScope.run(true, () => execute(callback));
    return builder;
  }
}

class PreparedPostgresDriver extends PostgresDriver {
  constructor(private readonly sql: Sql) {
    // The base class gives transactions and savepoints; the pool it would make from this config is never made.
    super({} as PostgresDialectConfig);
  }
  override async init() {}
  /**
   * A query outside a transaction runs on the pool: postgres.js hands it to an idle connection (or
   * queues it behind another query on a busy one) with no reserve and release around it. A
   * transaction reserves a connection of its own when it begins, for all its statements.
   */
  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = new PreparedPostgresConnection(this.sql);
    if (sessionScope.getStore()) await connection.reserve();
    return connection;
  }
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    await (connection as PreparedPostgresConnection).reserve();
    await super.beginTransaction(connection, settings);
  }
  override async releaseConnection(connection: DatabaseConnection) {
    (connection as PreparedPostgresConnection).release();
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

/**
 * A connection as Kysely sees it: the pool, for one query, until it is reserved (a transaction, or a
 * `db.connection()` of SessionKysely); then one PostgreSQL connection for every statement.
 */
class PreparedPostgresConnection implements DatabaseConnection {
  private reserved: ReservedSql | null = null;
  private ranOnPool = false;
  constructor(private readonly pool: Sql) {}

  async reserve() {
    this.reserved ??= await this.pool.reserve();
  }

  release() {
    this.reserved?.release();
    this.reserved = null;
  }

  /**
   * Where the next statement runs. Two statements that expect one session (a lock then its unlock, `set`
   * then a query) would land on two pool connections: refused, so that such code fails at once instead
   * of misbehaving.
   */
  private nextTarget(): Sql {
    if (this.reserved) return this.reserved;
    if (this.ranOnPool) {
      throw new Error(
        'A second statement on an unreserved connection: use a transaction or SessionKysely.connection()',
      );
    }
    this.ranOnPool = true;
    return this.pool;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.nextTarget().unsafe<R[]>(query.sql, query.parameters as ParameterOrJSON<never>[], {
      prepare: true,
    });
    return {
      ...(COUNTED.has(result.command) ? { numAffectedRows: BigInt(result.count) } : {}),
      rows: Array.from(result),
    };
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const cursor = this.nextTarget()
      .unsafe<R[]>(query.sql, query.parameters as ParameterOrJSON<never>[], { prepare: true })
      .cursor(chunkSize);
    for await (const rows of cursor) yield { rows };
  }
}
