import {
  AliasNode,
  ColumnNode,
  DeleteQueryNode,
  InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  TableNode,
  type UnknownRow,
  UpdateQueryNode,
} from 'kysely';

/** A write Kysely is about to run: its table, its kind, and for an update the columns it sets. */
export interface Write {
  table: string;
  kind: 'insert' | 'update' | 'delete';
  columns: string[];
}

export type WriteListener = (write: Write) => void;

const tableName = (node: OperationNode | undefined): string | null => {
  if (!node) return null;
  if (TableNode.is(node)) return node.table.identifier.name;
  if (AliasNode.is(node)) return tableName(node.node);
  return null;
};

function writesOf(node: RootOperationNode): Write[] {
  if (InsertQueryNode.is(node)) {
    const table = tableName(node.into);
    return table ? [{ table, kind: 'insert', columns: (node.columns ?? []).map((c) => c.column.name) }] : [];
  }
  if (UpdateQueryNode.is(node)) {
    const table = tableName(node.table);
    const columns = (node.updates ?? []).map((u) => (ColumnNode.is(u.column) ? u.column.column.name : '?'));
    return table ? [{ table, kind: 'update', columns }] : [];
  }
  if (DeleteQueryNode.is(node)) {
    return node.from.froms.flatMap((from) => {
      const table = tableName(from);
      return table ? [{ table, kind: 'delete' as const, columns: [] }] : [];
    });
  }
  return [];
}

/**
 * Tells listeners of every insert, update and delete built with Kysely's query builder, as it is sent
 * (before its transaction commits). Raw SQL and pre-compiled queries are not seen: a process that
 * must know of every change to a table also listens to the database (see the auth-change trigger).
 */
export class WriteWatchPlugin implements KyselyPlugin {
  private readonly listeners = new Set<WriteListener>();

  watch(listener: WriteListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (this.listeners.size > 0 && node.kind !== 'SelectQueryNode') {
      for (const write of writesOf(node)) for (const listener of this.listeners) listener(write);
    }
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}
