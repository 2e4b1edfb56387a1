import { type UpdateUserInput, type UserView, updateUserSchema } from '@docket/shared/users.schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ErrorAlert } from '../../../components/error-alert';
import { SelectField, TextField } from '../../../components/text-field';
import { VersionConflictAlert } from '../../../components/version-conflict-alert';
import { isApiError } from '../../../lib/api-client';
import { applyServerIssues } from '../../../lib/form-errors';
import { useUpdateUser } from '../api/update-user';
import { RoleOptions } from './role-options';

interface EditUserFormProps {
  user: UserView;
  isSelf: boolean;
  onCancel: () => void;
  onSaved: () => void;
  onReload: () => void;
}

export function EditUserForm({ user, isSelf, onCancel, onSaved, onReload }: EditUserFormProps) {
  const updateUser = useUpdateUser();
  const [placed, setPlaced] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(updateUserSchema),
    defaultValues: { version: user.version, name: user.name ?? '', email: user.email ?? '', role: user.role },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    // Send only what changed, so the audit trail records the real edit.
    const changes: UpdateUserInput = { version: user.version };
    if (values.name !== undefined && values.name !== user.name) changes.name = values.name;
    if (values.email !== undefined && values.email !== user.email) changes.email = values.email;
    if (values.role !== undefined && values.role !== user.role) changes.role = values.role;
    if (Object.keys(changes).length === 1) {
      onCancel();
      return;
    }
    try {
      await updateUser.mutateAsync({ id: user.id, changes });
      onSaved();
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['name', 'email', 'role']));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {isApiError(updateUser.error, 'version_conflict') ? (
        <VersionConflictAlert subject="this person" onReload={onReload} />
      ) : (
        <ErrorAlert error={updateUser.error} shownFields={placed} />
      )}
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...register('name')} />
      <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...register('email')} />
      <SelectField
        label="Role"
        disabled={isSelf}
        hint={isSelf ? 'You cannot change your own role.' : undefined}
        error={errors.role?.message}
        {...register('role')}
      >
        <RoleOptions />
      </SelectField>
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
