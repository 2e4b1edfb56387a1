import type { Database } from '@docket/db/database';
import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock';
import { sha256Hex } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { clearThrottle, findThrottles, recordThrottleFailure, setThrottleLock } from './auth.queries';

/**
 * Failed attempts are counted per key (an account, an address, a person's 2-step codes). After a few
 * free failures each further one locks the key for twice as long as the last, up to a ceiling.
 */
export interface ThrottleRule {
  freeFailures: number;
  maxLockSeconds: number;
}

export const accountRule: ThrottleRule = { freeFailures: 5, maxLockSeconds: 15 * 60 };
export const ipRule: ThrottleRule = { freeFailures: 20, maxLockSeconds: 15 * 60 };
export const secondStepRule: ThrottleRule = { freeFailures: 5, maxLockSeconds: 15 * 60 };

const WINDOW_MS = 24 * 60 * 60 * 1000;

// Keyed by a hash of the email as typed, so unknown accounts are throttled exactly like real ones.
export const accountKey = (email: string) => `account:${sha256Hex(email)}`;
export const ipKey = (ip: string) => `ip:${ip}`;
export const secondStepKey = (userId: string) => `second-step:${userId}`;

export function lockSeconds(rule: ThrottleRule, failures: number): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(2 ** (failures - rule.freeFailures), rule.maxLockSeconds);
}

/** Refuses with 429 while any of the keys is locked. */
export async function assertNotThrottled(db: Kysely<Database>, clock: Clock, keys: string[]): Promise<void> {
  const now = clock.now().getTime();
  const rows = await findThrottles(db, keys);
  const waits = rows.map((row) => (row.locked_until ? Math.ceil((row.locked_until.getTime() - now) / 1000) : 0));
  const wait = Math.max(0, ...waits);
  if (wait > 0) {
    throw new AppError('too_many_attempts', `Too many failed attempts. Try again in ${wait} seconds.`, {
      retryAfterSeconds: wait,
    });
  }
}

export async function recordFailure(
  db: Kysely<Database>,
  clock: Clock,
  key: string,
  rule: ThrottleRule,
): Promise<void> {
  const now = clock.now();
  const { failures } = await recordThrottleFailure(db, key, now, new Date(now.getTime() - WINDOW_MS));
  const seconds = lockSeconds(rule, failures);
  if (seconds > 0) await setThrottleLock(db, key, new Date(now.getTime() + seconds * 1000));
}

export const clearFailures = clearThrottle;
