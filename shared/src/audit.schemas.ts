import { z } from 'zod';

export const listAuditQuerySchema = z.strictObject({
  /** Keyset cursor: events with a sequence number below this one. */
  before: z.coerce.number({ error: 'before must be a sequence number' }).int().positive().optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1).max(200).default(50),
  entityType: z.string().trim().min(1).max(64).optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  actorId: z.uuid({ error: 'actorId must be a person id' }).optional(),
  action: z.string().trim().min(1).max(64).optional(),
});
export type ListAuditQuery = z.output<typeof listAuditQuerySchema>;

export interface AuditEventView {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  /** 'api_token' when an API token acted (actorName is then the token's name). */
  actorKind: 'person' | 'api_token' | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, unknown>;
  requestId: string | null;
  hash: string;
}

export interface AuditPage {
  events: AuditEventView[];
  nextBefore: number | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  lastSeq: number;
  /** First sequence number whose hash does not match, or that is missing. */
  firstBrokenSeq: number | null;
  problem: string | null;
}

/** Paging through one case's own history. */
export const historyQuerySchema = z.strictObject({
  before: z.coerce.number({ error: 'before must be a sequence number' }).int().positive().optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1).max(200).default(100),
});
