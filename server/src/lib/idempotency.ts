import type { Database } from '@docket/db/database';
import canonicalize from 'canonicalize';
import type { Kysely, Transaction } from 'kysely';
import { sha256Hex } from './crypto';
import { AppError } from './errors';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Runs a create once per (person, Idempotency-Key). The key is claimed inside the same transaction
 * as the create, so a retry — even one racing the first attempt — gets the first answer back and
 * creates nothing new. The same key with a different request is refused.
 */
export async function idempotent<T extends Record<string, unknown>>(
  db: Kysely<Database>,
  input: { actorId: string; key: string | undefined; route: string; request: unknown; status: number },
  create: (trx: Transaction<Database>) => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (input.key === undefined) {
    return { status: input.status, body: await db.transaction().execute(create), replayed: false };
  }
  const key = input.key;
  if (!KEY_PATTERN.test(key)) {
    throw new AppError('bad_request', 'Idempotency-Key must be 1 to 200 visible ASCII characters');
  }
  const requestHash = sha256Hex(canonicalize(input.request) ?? '');
  const claimed = await db.transaction().execute(async (trx) => {
    const claim = await trx
      .insertInto('idempotency_keys')
      .values({ actor_id: input.actorId, key, route: input.route, request_hash: requestHash, status: 0, response: {} })
      .onConflict((oc) => oc.columns(['actor_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claim) return null;
    const body = await create(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ status: input.status, response: body })
      .where('actor_id', '=', input.actorId)
      .where('key', '=', key)
      .execute();
    return body;
  });
  if (claimed) return { status: input.status, body: claimed, replayed: false };

  const stored = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('actor_id', '=', input.actorId)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  if (stored.route !== input.route || stored.request_hash !== requestHash) {
    throw new AppError('conflict', 'This Idempotency-Key was already used for a different request');
  }
  return { status: stored.status, body: stored.response as T, replayed: true };
}

/** How long a create's answer is kept for retries; a request retried later than this is a new request. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Forgets answers older than the lifetime, so the table holds a day of creates, not all of history. */
export async function pruneIdempotencyKeys(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
