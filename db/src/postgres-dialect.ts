import {
  type CompiledQuery,
  type ConnectionBuilder,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  type KyselyPlugin,
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
 * a schema change invalidated. Queries with more than PREPARED_MAX_PARAMETERS parameters are not
 * prepared (see there).
 */
export class PreparedPostgresDialect implements Dialect {
  /** `pinned`: `sql` is one reserved connection (`db.connection()`'s), which this dialect never releases. */
  constructor(
    private readonly sql: Sql,
    private readonly pinned = false,
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PreparedPostgresDriver(this.sql, this.pinned);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/**
 * Kysely for this dialect: `db.connection()` reserves one PostgreSQL connection and hands its callback a
 * Kysely on that connection alone, as Kysely's migrator needs for its session-level advisory lock. Single
 * queries outside it run on the pool; transactions reserve a connection.
 *
 * The callback's Kysely is a second instance over the reserved connection, not an AsyncLocalStorage
 * around the callback telling the pool to reserve: on Node 20 an AsyncLocalStorage that has run once
 * installs promise hooks for the life of the process, and every request then pays for them (reading one
 * case took about a quarter more of the server's CPU with them: 0.65 against 0.50 ms).
 */
export class SessionKysely<DB> extends Kysely<DB> {
  constructor(
    private readonly pool: Sql,
    private readonly sessionPlugins: KyselyPlugin[] = [],
  ) {
    super({ dialect: new PreparedPostgresDialect(pool), plugins: sessionPlugins });
  }

  override connection(): ConnectionBuilder<DB> {
    const builder = super.connection();
    builder.execute = async (callback) => {
      const session = await this.pool.reserve();
      try {
        return await callback(
          new Kysely<DB>({ dialect: new PreparedPostgresDialect(session, true), plugins: this.sessionPlugins }),
        );
      } finally {
        session.release();
      }
    };
    return builder;
  }
}

class PreparedPostgresDriver extends PostgresDriver {
  constructor(
    private readonly sql: Sql,
    private readonly pinned: boolean,
  ) {
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
    return new PreparedPostgresConnection(this.sql, this.pinned);
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
    // A pinned connection belongs to the pool's owner, which releases it.
    if (!this.pinned) await this.sql.end({ timeout: 5 });
  }
}

const COUNTED = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/**
 * A query with more parameters than this runs unprepared. Such a query is a batch: a multi-row insert or
 * an `in` list whose length is its data's (reminder runs inserting 929 notifications, then 922, in
 * chunks of 500 and a remainder). Each length is another statement, which postgres.js would keep with
 * its text for the connection's life, and PostgreSQL with its plan. Under the soak a server's live heap
 * grew from 36 to 44.5 MiB in ten minutes from them (Kysely's text of a 500-row insert is a chain of
 * some ten thousand string pieces). A batch does enough work that one parse more is nothing; the
 * queries a page makes have far fewer parameters.
 */
export const PREPARED_MAX_PARAMETERS = 64;

const prepared = (query: CompiledQuery) => ({ prepare: query.parameters.length <= PREPARED_MAX_PARAMETERS });

/**
 * A connection as Kysely sees it: the pool, for one query, until it is reserved (a transaction); then
 * one PostgreSQL connection for every statement. Under `db.connection()` of SessionKysely it is that
 * reserved connection from the start, and stays it.
 */
class PreparedPostgresConnection implements DatabaseConnection {
  private reserved: ReservedSql | null;
  private ranOnPool = false;
  constructor(
    private readonly pool: Sql,
    private readonly pinned: boolean,
  ) {
    this.reserved = pinned ? (pool as ReservedSql) : null;
  }

  async reserve() {
    this.reserved ??= await this.pool.reserve();
  }

  release() {
    if (this.pinned) return;
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
    const result = await this.nextTarget().unsafe<R[]>(
      query.sql,
      query.parameters as ParameterOrJSON<never>[],
      prepared(query),
    );
    return {
      ...(COUNTED.has(result.command) ? { numAffectedRows: BigInt(result.count) } : {}),
      rows: Array.from(result),
    };
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const cursor = this.nextTarget()
      .unsafe<R[]>(query.sql, query.parameters as ParameterOrJSON<never>[], prepared(query))
      .cursor(chunkSize);
    for await (const rows of cursor) yield { rows };
  }
}
