import { roleLabels } from '@docket/shared/roles';
import type { UserView } from '@docket/shared/users.schemas';
import { ActionsColumnHeader } from '../../../components/table-actions';
import { formatDateTime } from '../../../lib/format';
import { UserStatusBadge } from './user-status-badge';

export type UserAction = 'edit' | 'disable' | 'enable' | 'reset-two-factor' | 'remove';

interface UsersTableProps {
  users: UserView[];
  currentUserId: string;
  canManage: boolean;
  busyUserId: string | null;
  onAction: (action: UserAction, user: UserView) => void;
}

export function displayName(user: UserView): string {
  return user.name ?? 'Removed person';
}

export function UsersTable({ users, currentUserId, canManage, busyUserId, onAction }: UsersTableProps) {
  if (users.length === 0) return <p className="empty">No people match these filters.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">People</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">2-step</th>
            <th scope="col">Last sign-in</th>
            {canManage ? <ActionsColumnHeader /> : null}
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const isSelf = user.id === currentUserId;
            const name = displayName(user);
            const busy = busyUserId === user.id;
            return (
              <tr key={user.id}>
                <th scope="row" className={user.name ? undefined : 'muted'}>
                  {name} {isSelf ? <span className="badge badge-accent">You</span> : null}
                </th>
                <td>{user.email ?? '—'}</td>
                <td>{roleLabels[user.role]}</td>
                <td>
                  <UserStatusBadge status={user.status} />
                </td>
                <td>
                  {user.twoFactorEnabled ? (
                    <span className="badge badge-success">On</span>
                  ) : (
                    <span className="badge badge-neutral">Off</span>
                  )}
                </td>
                <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'}</td>
                {canManage ? (
                  <td className="cell-actions">
                    {user.status === 'removed' ? null : (
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`Edit ${name}`}
                          onClick={() => onAction('edit', user)}
                        >
                          Edit
                        </button>
                        {isSelf ? null : user.status === 'active' ? (
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={`Disable ${name}`}
                            disabled={busy}
                            onClick={() => onAction('disable', user)}
                          >
                            Disable
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={`Enable ${name}`}
                            disabled={busy}
                            onClick={() => onAction('enable', user)}
                          >
                            Enable
                          </button>
                        )}
                        {user.twoFactorEnabled && !isSelf ? (
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={`Reset 2-step verification for ${name}`}
                            onClick={() => onAction('reset-two-factor', user)}
                          >
                            Reset 2-step
                          </button>
                        ) : null}
                        {isSelf ? null : (
                          <button
                            type="button"
                            className="button button-small button-danger-outline"
                            aria-label={`Remove ${name}`}
                            onClick={() => onAction('remove', user)}
                          >
                            Remove
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
