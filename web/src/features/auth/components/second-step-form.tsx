import { type Me, recoveryCodeSchema, totpCodeSchema } from '@docket/shared/auth.schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { TextField } from '../../../components/text-field';
import { useVerifySecondStep } from '../api/verify-second-step';

const codeFormSchema = z.object({ code: totpCodeSchema });
const recoveryFormSchema = z.object({ recoveryCode: recoveryCodeSchema });

function CodeForm({ onVerified }: { onVerified: (me: Me) => void }) {
  const verify = useVerifySecondStep();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(codeFormSchema), defaultValues: { code: '' } });
  const onSubmit = handleSubmit(async (values) => {
    try {
      onVerified(await verify.mutateAsync(values));
    } catch {
      // Shown by the alert below.
    }
  });
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={verify.error} />
      <TextField
        label="Authentication code"
        hint="The 6-digit code from your authenticator app."
        inputMode="numeric"
        autoComplete="one-time-code"
        autoFocus
        error={errors.code?.message}
        {...register('code')}
      />
      <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
        {isSubmitting ? 'Checking…' : 'Verify'}
      </button>
    </form>
  );
}

function RecoveryForm({ onVerified }: { onVerified: (me: Me) => void }) {
  const verify = useVerifySecondStep();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(recoveryFormSchema), defaultValues: { recoveryCode: '' } });
  const onSubmit = handleSubmit(async (values) => {
    try {
      onVerified(await verify.mutateAsync(values));
    } catch {
      // Shown by the alert below.
    }
  });
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={verify.error} />
      <TextField
        label="Recovery code"
        hint="One of the codes you saved when you set up 2-step verification. Each works once."
        autoComplete="off"
        spellCheck={false}
        autoFocus
        error={errors.recoveryCode?.message}
        {...register('recoveryCode')}
      />
      <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
        {isSubmitting ? 'Checking…' : 'Verify'}
      </button>
    </form>
  );
}

export function SecondStepForm({ onVerified }: { onVerified: (me: Me) => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  return (
    <div className="stack">
      {useRecovery ? <RecoveryForm onVerified={onVerified} /> : <CodeForm onVerified={onVerified} />}
      <button type="button" className="link-button" onClick={() => setUseRecovery((value) => !value)}>
        {useRecovery ? 'Use a code from your authenticator app instead' : 'Use a recovery code instead'}
      </button>
    </div>
  );
}
