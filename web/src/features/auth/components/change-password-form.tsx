import { changePasswordSchema } from '@docket/shared/auth.schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ErrorAlert } from '../../../components/error-alert';
import { TextField } from '../../../components/text-field';
import { applyServerIssues } from '../../../lib/form-errors';
import { useChangePassword } from '../api/change-password';

export function ChangePasswordForm() {
  const changePassword = useChangePassword();
  const [placed, setPlaced] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    setDone(false);
    try {
      await changePassword.mutateAsync(values);
      reset();
      setDone(true);
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['currentPassword', 'newPassword']));
    }
  });

  return (
    <form className="stack narrow" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={changePassword.error} shownFields={placed} />
      {done ? (
        <p className="alert alert-success" role="status">
          Your password has been changed.
        </p>
      ) : null}
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...register('currentPassword')}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A few unrelated words make a strong, memorable password."
        error={errors.newPassword?.message}
        {...register('newPassword')}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
