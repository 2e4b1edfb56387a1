import type { ApiTokenView } from '@docket/shared/api-tokens.schemas';
import { ErrorAlert } from '../../../components/error-alert';
import { useRevokeApiToken } from '../api/revoke-api-token';

interface RevokeApiTokenConfirmProps {
  token: ApiTokenView;
  onCancel: () => void;
  onRevoked: (token: ApiTokenView) => void;
}

export function RevokeApiTokenConfirm({ token, onCancel, onRevoked }: RevokeApiTokenConfirmProps) {
  const revoke = useRevokeApiToken();
  return (
    <div className="stack">
      <p>
        Scripts using <strong>{token.name}</strong> (<code>{token.prefix}…</code>) will be refused from their next
        request. What they did stays in the audit trail under the token's name.
      </p>
      <p>This cannot be undone: issue a new token if a script still needs access.</p>
      <ErrorAlert error={revoke.error} />
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate(token.id, { onSuccess: onRevoked })}
        >
          {revoke.isPending ? 'Revoking…' : 'Revoke token'}
        </button>
      </div>
    </div>
  );
}
