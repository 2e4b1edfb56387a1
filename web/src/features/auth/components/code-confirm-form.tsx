import { totpCodeSchema } from '@docket/shared/auth.schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { TextField } from '../../../components/text-field';

const schema = z.object({ code: totpCodeSchema });

interface CodeConfirmFormProps {
  submitLabel: string;
  error: unknown;
  onSubmit: (code: string) => Promise<unknown>;
  onCancel: () => void;
  danger?: boolean;
}

/** Asks for a current authenticator code before a sensitive 2-step change. */
export function CodeConfirmForm({ submitLabel, error, onSubmit, onCancel, danger = false }: CodeConfirmFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(schema), defaultValues: { code: '' } });
  const submit = handleSubmit(async ({ code }) => {
    try {
      await onSubmit(code);
    } catch {
      // Shown by the alert.
    }
  });
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
      <TextField
        label="Authentication code"
        hint="The 6-digit code from your authenticator app."
        inputMode="numeric"
        autoComplete="one-time-code"
        error={errors.code?.message}
        {...register('code')}
      />
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className={danger ? 'button button-danger' : 'button button-primary'}
          disabled={isSubmitting}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
