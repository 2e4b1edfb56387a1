import type { ApiTokenView } from '@docket/shared/api-tokens.schemas';
import { roleLabels } from '@docket/shared/roles';
import { ActionsColumnHeader } from '../../../components/table-actions';
import { formatDateTime } from '../../../lib/format';
import { ApiTokenStatusBadge } from './api-token-status-badge';

interface ApiTokensTableProps {
  tokens: ApiTokenView[];
  onRevoke: (token: ApiTokenView) => void;
}

export function ApiTokensTable({ tokens, onRevoke }: ApiTokensTableProps) {
  if (tokens.length === 0) return <p className="empty">No API tokens have been issued yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">API tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Starts with</th>
            <th scope="col">Issued</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <ActionsColumnHeader />
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td>{roleLabels[token.role]}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>
                {formatDateTime(token.createdAt)}
                <br />
                <span className="muted small">by {token.createdByName ?? 'a removed person'}</span>
              </td>
              <td>{formatDateTime(token.expiresAt)}</td>
              <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
              <td>
                <ApiTokenStatusBadge status={token.status} />
                {token.revokedAt ? (
                  <>
                    <br />
                    <span className="muted small">
                      {formatDateTime(token.revokedAt)}
                      {token.revokedByName ? ` by ${token.revokedByName}` : ''}
                    </span>
                  </>
                ) : null}
              </td>
              <td className="cell-actions">
                {token.status === 'revoked' ? null : (
                  <button
                    type="button"
                    className="button button-small button-danger-outline"
                    aria-label={`Revoke ${token.name}`}
                    onClick={() => onRevoke(token)}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
