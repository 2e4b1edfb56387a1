import type { UserView } from '@docket/shared/users.schemas';
import { ErrorAlert } from '../../../components/error-alert';
import { VersionConflictAlert } from '../../../components/version-conflict-alert';
import { isApiError } from '../../../lib/api-client';
import { useUpdateUser } from '../api/update-user';
import { displayName } from './users-table';

interface ResetTwoFactorConfirmProps {
  user: UserView;
  onCancel: () => void;
  onReset: () => void;
  onReload: () => void;
}

export function ResetTwoFactorConfirm({ user, onCancel, onReset, onReload }: ResetTwoFactorConfirmProps) {
  const updateUser = useUpdateUser();
  return (
    <div className="stack">
      <p>
        <strong>{displayName(user)}</strong>'s authenticator and recovery codes will stop working. If their role must
        use 2-step verification, they will set it up again at their next sign-in.
      </p>
      {isApiError(updateUser.error, 'version_conflict') ? (
        <VersionConflictAlert subject="this person" onReload={onReload} />
      ) : (
        <ErrorAlert error={updateUser.error} />
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={updateUser.isPending}
          onClick={() =>
            updateUser.mutate(
              { id: user.id, changes: { version: user.version, resetTwoFactor: true } },
              { onSuccess: onReset },
            )
          }
        >
          Reset 2-step verification
        </button>
      </div>
    </div>
  );
}
