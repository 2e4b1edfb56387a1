import { ErrorAlert } from '../../components/error-alert';
import { LoadMore } from '../../components/load-more';
import { useNotifications } from '../../features/notifications/api/get-notifications';
import { useUnreadCount } from '../../features/notifications/api/get-unread-count';
import { useMarkAllNotificationsRead } from '../../features/notifications/api/mark-all-notifications-read';
import { NotificationsList } from '../../features/notifications/components/notifications-list';
import { useSearchParam } from '../../lib/use-search-param';

export function NotificationsPage() {
  // The view lives in the URL (?unread=true), like every other list.
  const [unreadParam, setUnreadParam] = useSearchParam('unread');
  const unreadOnly = unreadParam === 'true';
  const notifications = useNotifications({ unreadOnly });
  const unread = useUnreadCount();
  const markAll = useMarkAllNotificationsRead();
  const rows = notifications.data?.pages.flatMap((page) => page.notifications) ?? [];

  return (
    <section className="stack">
      <div className="page-header">
        <h1>Notifications</h1>
        <button
          type="button"
          className="button"
          disabled={!unread.data || markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {markAll.isPending ? 'Marking…' : 'Mark all as read'}
        </button>
      </div>
      <p className="muted">
        Reminders about the cases you work: deadlines due within a day or overdue, and nondisclosure orders that ended
        while user notice was still held back. Each reminder comes once.
      </p>

      <fieldset className="segmented">
        <legend className="visually-hidden">Show</legend>
        <button type="button" className="segmented-item" aria-pressed={!unreadOnly} onClick={() => setUnreadParam('')}>
          All
        </button>
        <button
          type="button"
          className="segmented-item"
          aria-pressed={unreadOnly}
          onClick={() => setUnreadParam('true')}
        >
          Unread{unread.data ? ` (${unread.data})` : ''}
        </button>
      </fieldset>

      <ErrorAlert error={markAll.error} />
      {notifications.isPending ? <p aria-busy="true">Loading notifications…</p> : null}
      {notifications.isError ? <ErrorAlert error={notifications.error} /> : null}
      {notifications.data && rows.length === 0 ? (
        <p className="empty">{unreadOnly ? 'Nothing unread.' : 'No notifications yet.'}</p>
      ) : null}
      {rows.length > 0 ? <NotificationsList notifications={rows} /> : null}
      <LoadMore query={notifications} count={rows.length} noun="notification" />
    </section>
  );
}
