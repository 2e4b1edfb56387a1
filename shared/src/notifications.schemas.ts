import { z } from 'zod';

export const notificationKinds = ['deadline_due_soon', 'deadline_overdue', 'nondisclosure_ended'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationEntityTypes = ['legal_request', 'complaint'] as const;
export type NotificationEntityType = (typeof notificationEntityTypes)[number];

export const listNotificationsQuerySchema = z.strictObject({
  /** `true`: only the ones not read yet. */
  unread: z
    .enum(['true', 'false'], { error: 'unread must be true or false' })
    .optional()
    .transform((v) => v === 'true'),
  /** Keyset cursor: the `nextAfter` of the previous page. */
  after: z.string().max(200, { error: 'after: Not a cursor from a previous page' }).optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1).max(100).default(30),
});
export type ListNotificationsQuery = z.output<typeof listNotificationsQuerySchema>;

export const notificationIdParamSchema = z.strictObject({ id: z.uuid({ error: 'Not a valid notification id' }) });

/** One reminder in the signed-in person's own list. The title holds references and clock labels only. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  entityType: NotificationEntityType;
  entityId: string;
  /** The case clock it is about (response_due, notice_due, first_contact, …). */
  clock: string;
  dueAt: string;
  title: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsPage {
  notifications: NotificationView[];
  nextAfter: string | null;
}

/** Where the case a notification is about lives in the web app (also the link in its email). */
export function casePath(entityType: NotificationEntityType, entityId: string): string {
  return entityType === 'legal_request' ? `/requests/${entityId}` : `/complaints/${entityId}`;
}
