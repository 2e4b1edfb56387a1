import canonicalize from 'canonicalize';
import { sha256Hex } from '../../lib/crypto';

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
  const canonical = canonicalize({
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    changes: event.changes,
    requestId: event.requestId,
  });
  return sha256Hex(`${prevHash}\n${canonical}`);
}
