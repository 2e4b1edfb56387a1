import { can } from '@docket/shared/permissions';
import { roleLabels, roleSchema, roles } from '@docket/shared/roles';
import { type UserView, userStatuses, userStatusSchema } from '@docket/shared/users.schemas';
import { useState } from 'react';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { useSettings } from '../../features/settings/api/get-settings';
import { TwoFactorPolicyForm } from '../../features/settings/components/two-factor-policy-form';
import { type UsersFilter, useUsers } from '../../features/users/api/get-users';
import { useUpdateUser } from '../../features/users/api/update-user';
import { CreateUserForm } from '../../features/users/components/create-user-form';
import { EditUserForm } from '../../features/users/components/edit-user-form';
import { RemoveUserConfirm } from '../../features/users/components/remove-user-confirm';
import { ResetTwoFactorConfirm } from '../../features/users/components/reset-two-factor-confirm';
import { displayName, type UserAction, UsersTable } from '../../features/users/components/users-table';
import { isApiError } from '../../lib/api-client';
import { useUrlParams, withParam } from '../../lib/use-search-param';
import { useCurrentUser } from '../current-user';

const statusLabels = { active: 'Active', disabled: 'Disabled', removed: 'Removed' } as const;

type OpenDialog = { kind: 'create' } | { kind: 'edit' | 'remove' | 'reset-two-factor'; user: UserView } | null;

function TwoFactorPolicySection() {
  const me = useCurrentUser();
  const settings = useSettings();
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel stack" aria-labelledby="two-factor-policy">
      <h2 id="two-factor-policy">2-step verification policy</h2>
      {saved ? (
        <p className="alert alert-success" role="status">
          Policy saved.
        </p>
      ) : null}
      {settings.isPending ? <p aria-busy="true">Loading…</p> : null}
      {settings.isError ? <ErrorAlert error={settings.error} /> : null}
      {settings.data ? (
        <TwoFactorPolicyForm
          key={settings.data.version}
          settings={settings.data}
          canManage={can(me.role, 'settings.manage')}
          onSaved={() => setSaved(true)}
          onReload={() => {
            setSaved(false);
            void settings.refetch();
          }}
        />
      ) : null}
    </section>
  );
}

export function PeoplePage() {
  const me = useCurrentUser();
  const canManage = can(me.role, 'users.manage');
  const [params, updateParams] = useUrlParams();
  const statusParam = userStatusSchema.safeParse(params.get('status'));
  const roleParam = roleSchema.safeParse(params.get('role'));
  const filter: UsersFilter = {
    status: statusParam.success ? statusParam.data : undefined,
    role: roleParam.success ? roleParam.data : undefined,
  };
  const users = useUsers(filter);
  const quickUpdate = useUpdateUser();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const closeDialog = () => setDialog(null);
  const reload = () => {
    setDialog(null);
    quickUpdate.reset();
    void users.refetch();
  };

  const setFilter = (key: 'status' | 'role', value: string) => {
    updateParams(withParam(key, value));
  };

  const onAction = (action: UserAction, user: UserView) => {
    setNotice(null);
    quickUpdate.reset();
    if (action === 'disable' || action === 'enable') {
      const status = action === 'disable' ? 'disabled' : 'active';
      quickUpdate.mutate(
        { id: user.id, changes: { version: user.version, status } },
        { onSuccess: () => setNotice(`${displayName(user)} is now ${status === 'active' ? 'enabled' : 'disabled'}.`) },
      );
      return;
    }
    setDialog({ kind: action, user });
  };

  return (
    <div className="stack-lg">
      <section className="stack">
        <div className="page-header">
          <h1>People</h1>
          {canManage ? (
            <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })}>
              Add person
            </button>
          ) : null}
        </div>

        <fieldset className="filters fieldset">
          <legend className="visually-hidden">Filter people</legend>
          <div className="field">
            <label htmlFor="people-status">Status</label>
            <select
              id="people-status"
              value={filter.status ?? ''}
              onChange={(e) => setFilter('status', e.target.value)}
            >
              <option value="">Any status</option>
              {userStatuses.map((status) => (
                <option key={status} value={status}>
                  {statusLabels[status]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="people-role">Role</label>
            <select id="people-role" value={filter.role ?? ''} onChange={(e) => setFilter('role', e.target.value)}>
              <option value="">Any role</option>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        {notice ? (
          <p className="alert alert-success" role="status">
            {notice}
          </p>
        ) : null}
        {isApiError(quickUpdate.error, 'version_conflict') ? (
          <VersionConflictAlert subject="this person" onReload={reload} />
        ) : (
          <ErrorAlert error={quickUpdate.error} />
        )}

        {users.isPending ? <p aria-busy="true">Loading people…</p> : null}
        {users.isError ? <ErrorAlert error={users.error} /> : null}
        {users.data ? (
          <UsersTable
            users={users.data}
            currentUserId={me.id}
            canManage={canManage}
            busyUserId={quickUpdate.isPending ? (quickUpdate.variables?.id ?? null) : null}
            onAction={onAction}
          />
        ) : null}
      </section>

      {can(me.role, 'settings.read') ? <TwoFactorPolicySection /> : null}

      <Dialog title="Add a person" open={dialog?.kind === 'create'} onClose={closeDialog}>
        <CreateUserForm
          onCancel={closeDialog}
          onCreated={(user) => {
            closeDialog();
            setNotice(`${displayName(user)} has been added.`);
          }}
        />
      </Dialog>
      <Dialog title="Edit person" open={dialog?.kind === 'edit'} onClose={closeDialog}>
        {dialog?.kind === 'edit' ? (
          <EditUserForm
            user={dialog.user}
            isSelf={dialog.user.id === me.id}
            onCancel={closeDialog}
            onSaved={() => {
              closeDialog();
              setNotice(`Changes to ${displayName(dialog.user)} have been saved.`);
            }}
            onReload={reload}
          />
        ) : null}
      </Dialog>
      <Dialog title="Remove person" open={dialog?.kind === 'remove'} onClose={closeDialog}>
        {dialog?.kind === 'remove' ? (
          <RemoveUserConfirm
            user={dialog.user}
            onReload={reload}
            onCancel={closeDialog}
            onRemoved={() => {
              closeDialog();
              setNotice('The person has been removed and their personal data erased.');
            }}
          />
        ) : null}
      </Dialog>
      <Dialog title="Reset 2-step verification" open={dialog?.kind === 'reset-two-factor'} onClose={closeDialog}>
        {dialog?.kind === 'reset-two-factor' ? (
          <ResetTwoFactorConfirm
            user={dialog.user}
            onCancel={closeDialog}
            onReload={reload}
            onReset={() => {
              closeDialog();
              setNotice(`2-step verification for ${displayName(dialog.user)} has been reset.`);
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
