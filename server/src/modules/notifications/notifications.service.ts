import type { Database } from '@docket/db/database';
import type {
  ListNotificationsQuery,
  NotificationEntityType,
  NotificationKind,
  NotificationsPage,
  NotificationView,
} from '@docket/shared/notifications.schemas';
import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { invalidCursor, isCursorId, packCursor, unpackCursor } from '../../lib/keyset';
import { recordAudit } from '../audit/audit.service';
import {
  countUnread,
  findOwn,
  listForUser,
  markAllRead as markAllReadQuery,
  markRead as markReadQuery,
  type NotificationCursor,
} from './notifications.queries';

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

type Row = NonNullable<Awaited<ReturnType<typeof findOwn>>>;

function viewOf(row: Row): NotificationView {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    entityType: row.entity_type as NotificationEntityType,
    entityId: row.entity_id,
    clock: row.clock,
    dueAt: row.due_at.toISOString(),
    title: row.title,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

const encodeCursor = (row: Row) => packCursor([row.created_at.toISOString(), row.id]);

function decodeCursor(value: string | undefined): NotificationCursor | undefined {
  if (value === undefined) return undefined;
  const [createdAt, id] = unpackCursor(value);
  if (!isCursorId(id) || typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) throw invalidCursor();
  return { createdAt: new Date(createdAt), id };
}

/** The signed-in person's own notifications, newest first, one keyset page at a time. */
export async function listNotifications(
  ctx: Ctx,
  userId: string,
  query: ListNotificationsQuery,
): Promise<NotificationsPage> {
  const rows = await listForUser(ctx.db, userId, {
    unread: query.unread,
    after: decodeCursor(query.after),
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    notifications: page.map(viewOf),
    nextAfter: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

export async function unreadCount(ctx: Ctx, userId: string): Promise<number> {
  return countUnread(ctx.db, userId);
}

/** Marks one of the person's own notifications read; someone else's is "not found". Reading twice changes nothing. */
export async function markRead(ctx: Ctx, actor: Actor, userId: string, id: string): Promise<NotificationView> {
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await markReadQuery(trx, userId, id, ctx.clock.now());
    if (!updated) {
      const existing = await findOwn(trx, userId, id);
      if (!existing) throw notFound('Notification');
      return viewOf(existing);
    }
    await recordAudit(trx, ctx.clock, actor, {
      action: 'notification.read',
      entityType: 'notification',
      entityId: id,
    });
    return viewOf(updated);
  });
}

export async function markAllRead(ctx: Ctx, actor: Actor, userId: string): Promise<{ updated: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const ids = await markAllReadQuery(trx, userId, ctx.clock.now());
    if (ids.length > 0) {
      await recordAudit(trx, ctx.clock, actor, {
        action: 'notifications.read_all',
        entityType: 'notification',
        entityId: null,
        changes: { count: ids.length },
      });
    }
    return { updated: ids.length };
  });
}
