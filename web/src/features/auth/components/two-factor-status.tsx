import type { Me } from '@docket/shared/auth.schemas';
import { useState } from 'react';
import { Link } from 'react-router';
import { Dialog } from '../../../components/dialog';
import { useDisableTwoFactor } from '../api/disable-two-factor';
import { useRegenerateRecoveryCodes } from '../api/regenerate-recovery-codes';
import { CodeConfirmForm } from './code-confirm-form';
import { RecoveryCodes } from './recovery-codes';

export function TwoFactorStatus({ me }: { me: Me }) {
  const disable = useDisableTwoFactor();
  const regenerate = useRegenerateRecoveryCodes();
  const [dialog, setDialog] = useState<'disable' | 'regenerate' | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  const close = () => {
    setDialog(null);
    setCodes(null);
    disable.reset();
    regenerate.reset();
  };

  if (!me.twoFactorEnabled) {
    return (
      <div className="stack">
        <p>
          <span className="badge badge-neutral">Off</span> 2-step verification is not set up. Turn it on so a stolen
          password alone cannot open your account.
        </p>
        <div className="actions">
          <Link className="button button-primary" to="/account/two-factor">
            Set up 2-step verification
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="stack">
      <p>
        <span className="badge badge-success">On</span> You confirm each sign-in with a code from your authenticator
        app.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={() => setDialog('regenerate')}>
          New recovery codes
        </button>
        <button type="button" className="button button-danger-outline" onClick={() => setDialog('disable')}>
          Turn off 2-step verification
        </button>
      </div>

      <Dialog title="Turn off 2-step verification" open={dialog === 'disable'} onClose={close}>
        <p>Your account will then be protected by your password alone.</p>
        <CodeConfirmForm
          submitLabel="Turn off"
          danger
          error={disable.error}
          onCancel={close}
          onSubmit={async (code) => {
            await disable.mutateAsync({ code });
            close();
          }}
        />
      </Dialog>

      <Dialog title="New recovery codes" open={dialog === 'regenerate'} onClose={close}>
        {codes ? (
          <RecoveryCodes codes={codes} onSaved={close} />
        ) : (
          <>
            <p>Your old recovery codes will stop working.</p>
            <CodeConfirmForm
              submitLabel="Create new codes"
              error={regenerate.error}
              onCancel={close}
              onSubmit={async (code) => setCodes(await regenerate.mutateAsync({ code }))}
            />
          </>
        )}
      </Dialog>
    </div>
  );
}
