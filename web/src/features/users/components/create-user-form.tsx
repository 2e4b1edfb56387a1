import type { UserView } from '@docket/shared/users.schemas';
import { createUserSchema } from '@docket/shared/users.schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ErrorAlert } from '../../../components/error-alert';
import { SelectField, TextField } from '../../../components/text-field';
import { applyServerIssues } from '../../../lib/form-errors';
import { useCreateUser } from '../api/create-user';
import { RoleOptions } from './role-options';

interface CreateUserFormProps {
  onCreated: (user: UserView) => void;
  onCancel: () => void;
}

export function CreateUserForm({ onCreated, onCancel }: CreateUserFormProps) {
  const createUser = useCreateUser();
  const [placed, setPlaced] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(createUserSchema),
    defaultValues: { name: '', email: '', role: 'legal' as const, password: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      onCreated(await createUser.mutateAsync(values));
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['name', 'email', 'role', 'password']));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={createUser.error} shownFields={placed} />
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...register('name')} />
      <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...register('email')} />
      <SelectField label="Role" error={errors.role?.message} {...register('role')}>
        <RoleOptions />
      </SelectField>
      <TextField
        label="Initial password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Give it to the person through a safe channel; they can change it later."
        error={errors.password?.message}
        {...register('password')}
      />
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Adding…' : 'Add person'}
        </button>
      </div>
    </form>
  );
}
