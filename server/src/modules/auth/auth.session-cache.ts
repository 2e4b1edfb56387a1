import type { DbHandle } from '@docket/db/create-db';
import type { Write } from '@docket/db/write-watch';
import type { SessionWithUser } from './auth.queries';

/** The channel the database's auth-change trigger notifies (migration 2026-11-23-0011). */
const AUTH_CHANGED_CHANNEL = 'docket_auth_changed';

/** How long a session read is trusted at most, should every notice of a change be lost. */
const SESSION_CACHE_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * The columns a cached session is read from, table by table: a write to any of them (or a delete) drops
 * every cached session. `sessions.last_active_at` is not one: the session check writes it itself, and
 * keeps its cached copy up to date. The database trigger watches the same columns.
 */
const READ_COLUMNS: Record<string, ReadonlySet<string> | 'all'> = {
  sessions: new Set(['id', 'public_id', 'user_id', 'created_at', 'two_factor_verified']),
  users: new Set(['id', 'email', 'name', 'role', 'status', 'totp_enabled_at', 'kind']),
  settings: 'all',
};

export function changesCachedSessions(write: Write): boolean {
  const columns = READ_COLUMNS[write.table];
  if (!columns || write.kind === 'insert') return false;
  if (columns === 'all' || write.kind === 'delete') return true;
  return write.columns.some((c) => columns.has(c) || c === '?');
}

/**
 * The sessions this process has checked recently, so that a request does not read its session from the
 * database each time. Whatever could make a cached session wrong empties the cache:
 * - a write through this process's query builder to a column a session is read from, as it is sent;
 * - a NOTIFY from the database's trigger on those columns, whichever process wrote (milliseconds later);
 * - the listening connection coming back after a break (notices sent meanwhile are lost);
 * - and each entry is read again after SESSION_CACHE_MS whatever happens.
 * A session found expired or invalid here is read again from the database before anything is decided.
 */
export class SessionCache {
  private readonly entries = new Map<string, { row: SessionWithUser; readAt: number }>();

  constructor(private readonly maxAgeMs = SESSION_CACHE_MS) {}

  get(sessionId: string): SessionWithUser | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (performance.now() - entry.readAt >= this.maxAgeMs) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.row;
  }

  set(sessionId: string, row: SessionWithUser): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, { row, readAt: performance.now() });
  }

  delete(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A session cache kept right by this process's writes and by the database's change notices. */
export async function openSessionCache(
  handle: Pick<DbHandle, 'watchWrites' | 'listen'>,
  maxAgeMs = SESSION_CACHE_MS,
): Promise<SessionCache> {
  const cache = new SessionCache(maxAgeMs);
  handle.watchWrites((write) => {
    if (changesCachedSessions(write)) cache.clear();
  });
  await handle.listen(AUTH_CHANGED_CHANNEL, () => cache.clear());
  return cache;
}
