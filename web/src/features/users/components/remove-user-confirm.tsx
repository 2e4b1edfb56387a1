import type { UserView } from '@docket/shared/users.schemas';
import { ErrorAlert } from '../../../components/error-alert';
import { VersionConflictAlert } from '../../../components/version-conflict-alert';
import { isApiError } from '../../../lib/api-client';
import { useRemoveUser } from '../api/remove-user';
import { displayName } from './users-table';

interface RemoveUserConfirmProps {
  user: UserView;
  onCancel: () => void;
  onRemoved: () => void;
  onReload: () => void;
}

export function RemoveUserConfirm({ user, onCancel, onRemoved, onReload }: RemoveUserConfirmProps) {
  const removeUser = useRemoveUser();
  return (
    <div className="stack">
      <p>
        <strong>{displayName(user)}</strong> will no longer be able to sign in, and their personal data (name and email
        address) will be erased. The audit trail keeps their actions under an anonymous id.
      </p>
      <p>This cannot be undone.</p>
      {isApiError(removeUser.error, 'version_conflict') ? (
        <VersionConflictAlert subject="this person" onReload={onReload} />
      ) : (
        <ErrorAlert error={removeUser.error} />
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={removeUser.isPending}
          onClick={() => removeUser.mutate({ id: user.id, version: user.version }, { onSuccess: onRemoved })}
        >
          {removeUser.isPending ? 'Removing…' : 'Remove and erase personal data'}
        </button>
      </div>
    </div>
  );
}
