import type { NotificationKind } from '@docket/shared/notifications.schemas';

export const notificationKindLabels: Record<NotificationKind, string> = {
  deadline_due_soon: 'Due soon',
  deadline_overdue: 'Overdue',
  nondisclosure_ended: 'Nondisclosure ended',
};

export const notificationKindBadges: Record<NotificationKind, string> = {
  deadline_due_soon: 'badge-warning',
  deadline_overdue: 'badge-danger',
  nondisclosure_ended: 'badge-accent',
};
