import { casePath, type NotificationView } from '@docket/shared/notifications.schemas';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../lib/format';
import { useMarkNotificationRead } from '../api/mark-notification-read';
import { notificationKindBadges, notificationKindLabels } from '../labels';
import './notifications.css';

function NotificationItem({ notification: n }: { notification: NotificationView }) {
  const markRead = useMarkNotificationRead();
  const unread = n.readAt === null;
  return (
    <li className={unread ? 'notification notification-unread' : 'notification'}>
      <div className="notification-main">
        <div className="notification-heading">
          <span className={`badge ${notificationKindBadges[n.kind]}`}>{notificationKindLabels[n.kind]}</span>
          {unread ? <span className="visually-hidden">Unread:</span> : null}
          <Link to={casePath(n.entityType, n.entityId)} className="notification-title">
            {n.title}
          </Link>
        </div>
        <p className="muted small">
          {n.kind === 'nondisclosure_ended' ? 'Ended' : 'Due'} {formatDateTime(n.dueAt)} · reminded{' '}
          {formatDateTime(n.createdAt)}
        </p>
        <ErrorAlert error={markRead.error} />
      </div>
      {unread ? (
        <button
          type="button"
          className="button button-small"
          disabled={markRead.isPending}
          onClick={() => markRead.mutate(n.id)}
        >
          Mark as read
        </button>
      ) : (
        <span className="muted small">Read</span>
      )}
    </li>
  );
}

export function NotificationsList({ notifications }: { notifications: NotificationView[] }) {
  return (
    <ul className="notification-list" aria-label="Notifications">
      {notifications.map((n) => (
        <NotificationItem key={n.id} notification={n} />
      ))}
    </ul>
  );
}
