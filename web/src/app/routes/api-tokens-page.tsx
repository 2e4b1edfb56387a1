import type { ApiTokenView, IssuedApiToken } from '@docket/shared/api-tokens.schemas';
import { useState } from 'react';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { useApiTokens } from '../../features/api-tokens/api/get-api-tokens';
import { ApiTokensTable } from '../../features/api-tokens/components/api-tokens-table';
import { IssueApiTokenForm } from '../../features/api-tokens/components/issue-api-token-form';
import { IssuedSecret } from '../../features/api-tokens/components/issued-secret';
import { RevokeApiTokenConfirm } from '../../features/api-tokens/components/revoke-api-token-confirm';

type OpenDialog =
  | { kind: 'issue' }
  | { kind: 'issued'; issued: IssuedApiToken }
  | { kind: 'revoke'; token: ApiTokenView }
  | null;

export function ApiTokensPage() {
  const tokens = useApiTokens();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setDialog(null);

  return (
    <section className="stack">
      <div className="page-header">
        <h1>API tokens</h1>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setNotice(null);
            setDialog({ kind: 'issue' });
          }}
        >
          Issue token
        </button>
      </div>
      <p className="muted">
        Scripts call the API with a token instead of signing in: send it as <code>Authorization: Bearer dkt_…</code>. A
        token acts with the role it was issued with, until it expires or is revoked, and everything it changes is in the
        audit trail under its name.
      </p>

      {notice ? (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      ) : null}
      {tokens.isPending ? <p aria-busy="true">Loading API tokens…</p> : null}
      {tokens.isError ? <ErrorAlert error={tokens.error} /> : null}
      {tokens.data ? (
        <ApiTokensTable
          tokens={tokens.data}
          onRevoke={(token) => {
            setNotice(null);
            setDialog({ kind: 'revoke', token });
          }}
        />
      ) : null}

      {/* One dialog for the form and then the secret: closing one native dialog to open another would race. */}
      <Dialog
        title={dialog?.kind === 'issued' ? 'Your new API token' : 'Issue an API token'}
        open={dialog?.kind === 'issue' || dialog?.kind === 'issued'}
        onClose={close}
      >
        {dialog?.kind === 'issued' ? (
          <IssuedSecret
            issued={dialog.issued}
            onDone={() => {
              close();
              setNotice(`${dialog.issued.token.name} has been issued.`);
            }}
          />
        ) : (
          <IssueApiTokenForm onCancel={close} onIssued={(issued) => setDialog({ kind: 'issued', issued })} />
        )}
      </Dialog>
      <Dialog title="Revoke API token" open={dialog?.kind === 'revoke'} onClose={close}>
        {dialog?.kind === 'revoke' ? (
          <RevokeApiTokenConfirm
            token={dialog.token}
            onCancel={close}
            onRevoked={(token) => {
              close();
              setNotice(`${token.name} has been revoked: scripts using it are refused from now on.`);
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}
