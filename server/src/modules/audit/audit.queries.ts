import type { AuditEventsTable, Database } from '@docket/db/database';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { type BulkColumn, bulkInsert, textOf } from '../../lib/bulk-insert';

type Db = Kysely<Database> | Transaction<Database>;

/** One lock for every writer of the chain: inserts are serialised so the chain never forks. */
const AUDIT_CHAIN_LOCK = 4_243_117;

export async function lockChain(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_CHAIN_LOCK)})`.execute(trx);
}

export async function lastEvent(db: Db) {
  return db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function insertEvent(db: Db, row: Insertable<AuditEventsTable>) {
  await db.insertInto('audit_events').values(row).execute();
}

export interface AuditEventInsert {
  seq: number;
  occurred_at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** The changes as JSON text. */
  changes_json: string;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

const eventColumns: BulkColumn<AuditEventInsert>[] = [
  { name: 'seq', type: 'bigint', value: (e) => String(e.seq), plain: true },
  { name: 'occurred_at', type: 'timestamptz', value: (e) => textOf.date(e.occurred_at), plain: true },
  { name: 'actor_id', type: 'uuid', value: (e) => e.actor_id, plain: true },
  { name: 'action', type: 'text', value: (e) => e.action },
  { name: 'entity_type', type: 'text', value: (e) => e.entity_type },
  { name: 'entity_id', type: 'text', value: (e) => e.entity_id },
  { name: 'changes', type: 'jsonb', value: (e) => e.changes_json },
  { name: 'request_id', type: 'text', value: (e) => e.request_id },
  { name: 'prev_hash', type: 'text', value: (e) => e.prev_hash, plain: true },
  { name: 'hash', type: 'text', value: (e) => e.hash, plain: true },
];

/** Many events in one statement (bulk imports), in the order given. */
export async function insertEvents(db: Db, rows: AuditEventInsert[]) {
  if (rows.length > 0) await bulkInsert('audit_events', eventColumns, rows).execute(db);
}

export interface AuditFilter {
  before?: number | undefined;
  limit: number;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
}

export async function listEvents(db: Db, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select([
      'e.seq',
      'e.occurred_at',
      'e.actor_id',
      'u.name as actor_name',
      'u.kind as actor_kind',
      'e.action',
      'e.entity_type',
      'e.entity_id',
      'e.changes',
      'e.request_id',
      'e.hash',
    ])
    .orderBy('e.seq', 'desc')
    .limit(filter.limit + 1);
  if (filter.before !== undefined) query = query.where('e.seq', '<', filter.before);
  if (filter.entityType) query = query.where('e.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('e.entity_id', '=', filter.entityId);
  if (filter.actorId) query = query.where('e.actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('e.action', '=', filter.action);
  return query.execute();
}

export async function eventsFrom(db: Db, afterSeq: number, batch: number) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(batch)
    .execute();
}
