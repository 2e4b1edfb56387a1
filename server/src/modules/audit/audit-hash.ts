import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, unknown>;
  requestId: string | null;
}

/** SHA-256 over the previous hash and the RFC 8785 canonical JSON of the event. */
export function hashEvent(prevHash: string, event: ChainedFields): string {
  return hashPrepared(prevHash, prepareEventHash(event), event.seq);
}

/**
 * The expensive part of hashEvent done before the event's place in the chain is known: its canonical JSON
 * up to the sequence number, which sorts last. `hashPrepared(prev, prefix, seq)` equals
 * `hashEvent(prev, { ...event, seq })`. Bulk imports prepare events while rows are still being written.
 */
export function prepareEventHash(event: Omit<ChainedFields, 'seq'>): string {
  const canonical = canonicalize({
    seq: 0,
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    changes: event.changes,
    requestId: event.requestId,
  });
  if (!canonical?.endsWith(',"seq":0}')) throw new Error('canonical event JSON must end with its sequence number');
  return canonical.slice(0, -2);
}

export function hashPrepared(prevHash: string, prefix: string, seq: number): string {
  // Node's native SHA-256: bulk imports hash a hundred thousand events in one go.
  return createHash('sha256').update(`${prevHash}\n${prefix}${seq}}`, 'utf8').digest('hex');
}
