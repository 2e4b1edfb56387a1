import { type Me, totpCodeSchema } from '@docket/shared/auth.schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { TextField } from '../../../components/text-field';
import { useConfirmEnrollment } from '../api/confirm-enrollment';
import { useStartEnrollment } from '../api/start-enrollment';
import { RecoveryCodes } from './recovery-codes';

const confirmFormSchema = z.object({ code: totpCodeSchema });

/** Shows the new secret, confirms it with a code, then shows the recovery codes once. */
export function EnrollTwoFactor({ onDone }: { onDone: (me: Me) => void }) {
  const enrollment = useStartEnrollment();
  const confirm = useConfirmEnrollment();
  const [result, setResult] = useState<{ me: Me; recoveryCodes: string[] } | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(confirmFormSchema), defaultValues: { code: '' } });

  if (result) return <RecoveryCodes codes={result.recoveryCodes} onSaved={() => onDone(result.me)} />;
  if (enrollment.isPending) return <p aria-busy="true">Preparing your setup key…</p>;
  if (enrollment.isError) {
    return (
      <div className="stack">
        <ErrorAlert error={enrollment.error} />
        <button type="button" className="button" onClick={() => void enrollment.refetch()}>
          Try again
        </button>
      </div>
    );
  }

  const { secret, qrSvg } = enrollment.data;
  const onSubmit = handleSubmit(async (values) => {
    try {
      setResult(await confirm.mutateAsync(values));
    } catch {
      // Shown by the alert below.
    }
  });

  return (
    <div className="stack">
      <ol className="steps">
        <li>
          <p>Scan this QR code with an authenticator app (for example 1Password, Google Authenticator or Authy).</p>
          <img
            className="qr-code"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(qrSvg)}`}
            alt="QR code for your authenticator app"
            width={200}
            height={200}
          />
        </li>
        <li>
          <p>Or enter this setup key by hand:</p>
          <code className="secret" data-testid="totp-secret">
            {secret}
          </code>
        </li>
        <li>
          <p>Enter the 6-digit code the app shows to finish.</p>
        </li>
      </ol>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={confirm.error} />
        <TextField
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          error={errors.code?.message}
          {...register('code')}
        />
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Checking…' : 'Turn on 2-step verification'}
        </button>
      </form>
    </div>
  );
}
