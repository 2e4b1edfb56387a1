import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from '@docket/db/database';
import type { AuditEventView, AuditPage, AuditVerification, ListAuditQuery } from '@docket/shared/audit.schemas';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../../lib/context';
import {
  type AuditEventInsert,
  eventsFrom,
  insertEvent,
  insertEvents,
  lastEvent,
  listEvents,
  lockChain,
} from './audit.queries';
import { GENESIS_HASH, hashEvent, hashPrepared, prepareEventHash } from './audit-hash';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | null;
  /** Ids, enums and flags only: never passwords, tokens or personal data. */
  changes?: Record<string, unknown>;
}

/**
 * Appends one event to the hash chain inside the caller's transaction, so the event exists
 * exactly when the change it records does.
 */
export async function recordAudit(
  trx: Transaction<Database>,
  clock: Clock,
  actor: Actor,
  input: AuditInput,
): Promise<number> {
  await lockChain(trx);
  const last = await lastEvent(trx);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields = {
    seq,
    occurredAt: clock.now(),
    actorId: actor.userId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    changes: input.changes ?? {},
    requestId: actor.requestId,
  };
  await insertEvent(trx, {
    seq,
    occurred_at: fields.occurredAt,
    actor_id: fields.actorId,
    action: fields.action,
    entity_type: fields.entityType,
    entity_id: fields.entityId,
    changes: fields.changes,
    request_id: fields.requestId,
    prev_hash: prevHash,
    hash: hashEvent(prevHash, fields),
  });
  return seq;
}

const AUDIT_BATCH_ROWS = 1000;

/** An event whose canonical JSON is already worked out: all that is left is its place in the chain. */
export interface PreparedAuditEvent {
  occurredAt: Date;
  actorId: string | null;
  requestId: string | null;
  input: AuditInput;
  changesJson: string;
  hashPrefix: string;
}

export function prepareAuditEvent(actor: Actor, occurredAt: Date, input: AuditInput): PreparedAuditEvent {
  const changes = input.changes ?? {};
  return {
    occurredAt,
    actorId: actor.userId,
    requestId: actor.requestId,
    input,
    changesJson: JSON.stringify(changes),
    hashPrefix: prepareEventHash({
      occurredAt,
      actorId: actor.userId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      changes,
      requestId: actor.requestId,
    }),
  };
}

/**
 * Appends many events, in the given order, inside the caller's transaction: one lock and one read of the
 * chain's end, each hash computed from the previous one in memory, inserts in chunks. The chain it leaves
 * is the one recordAudit would have left event by event. Events may come prepared (prepareAuditEvent),
 * so that a bulk writer does the costly part before it takes the chain's lock.
 */
export async function recordAuditBatch(
  trx: Transaction<Database>,
  clock: Clock,
  actor: Actor,
  events: Iterable<AuditInput | PreparedAuditEvent>,
): Promise<{ firstSeq: number; lastSeq: number }> {
  await lockChain(trx);
  const last = await lastEvent(trx);
  const firstSeq = (last?.seq ?? 0) + 1;
  let seq = firstSeq - 1;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const now = clock.now();
  let chunk: AuditEventInsert[] = [];
  // One chunk is inserted while the next is hashed: at most one statement in flight on the transaction.
  let inserting: Promise<void> = Promise.resolve();
  const send = async (rows: AuditEventInsert[]) => {
    await inserting;
    inserting = insertEvents(trx, rows);
    // Awaited before the next chunk goes and at the end; this only keeps Node from calling it unhandled meanwhile.
    inserting.catch(() => {});
    // Let the statement go out before the next chunk's hashing takes the thread.
    await nextTurn();
  };
  for (const item of events) {
    const event = 'hashPrefix' in item ? item : prepareAuditEvent(actor, now, item);
    seq += 1;
    const hash = hashPrepared(prevHash, event.hashPrefix, seq);
    chunk.push({
      seq,
      occurred_at: event.occurredAt,
      actor_id: event.actorId,
      action: event.input.action,
      entity_type: event.input.entityType,
      entity_id: event.input.entityId,
      changes_json: event.changesJson,
      request_id: event.requestId,
      prev_hash: prevHash,
      hash,
    });
    prevHash = hash;
    if (chunk.length >= AUDIT_BATCH_ROWS) {
      await send(chunk);
      chunk = [];
    }
  }
  await inserting;
  await insertEvents(trx, chunk);
  return { firstSeq, lastSeq: seq };
}

/** Records an event in a transaction of its own (sign-in failures and other events with no other change). */
export async function recordAuditAlone(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  input: AuditInput,
): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, clock, actor, input));
}

export async function listAudit(db: Kysely<Database>, query: ListAuditQuery): Promise<AuditPage> {
  const rows = await listEvents(db, { ...query, limit: query.limit });
  const page = rows.slice(0, query.limit);
  const events: AuditEventView[] = page.map((row) => ({
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorKind: (row.actor_kind as AuditEventView['actorKind']) ?? null,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: row.changes,
    requestId: row.request_id,
    hash: row.hash,
  }));
  const lastRow = page[page.length - 1];
  return { events, nextBefore: rows.length > query.limit && lastRow ? lastRow.seq : null };
}

/** Recomputes the whole chain and names the first sequence number that is missing or does not match. */
export async function verifyAuditChain(db: Kysely<Database>, batch = 5000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await eventsFrom(db, expectedSeq - 1, batch);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return fail(
          checked,
          expectedSeq - 1,
          expectedSeq,
          `event ${expectedSeq} is missing (next present is ${row.seq})`,
        );
      }
      if (row.prev_hash !== prevHash) {
        return fail(
          checked,
          expectedSeq - 1,
          row.seq,
          `event ${row.seq} does not point at the hash of event ${row.seq - 1}`,
        );
      }
      const recomputed = hashEvent(prevHash, {
        seq: row.seq,
        occurredAt: row.occurred_at,
        actorId: row.actor_id,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        changes: row.changes,
        requestId: row.request_id,
      });
      if (recomputed !== row.hash) {
        return fail(
          checked,
          expectedSeq - 1,
          row.seq,
          `event ${row.seq} was altered: its content does not match its hash`,
        );
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  return { ok: true, checked, lastSeq: expectedSeq - 1, firstBrokenSeq: null, problem: null };
}

function fail(checked: number, lastSeq: number, seq: number, problem: string): AuditVerification {
  return { ok: false, checked, lastSeq, firstBrokenSeq: seq, problem };
}
