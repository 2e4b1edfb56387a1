import { ErrorAlert } from '../../../components/error-alert';
import { useVerifyAuditChain } from '../api/verify-audit-chain';

export function VerifyChainPanel() {
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <div className="stack">
      <div className="actions">
        <button type="button" className="button" disabled={verify.isPending} onClick={() => verify.mutate()}>
          {verify.isPending ? 'Verifying…' : 'Verify chain'}
        </button>
      </div>
      <ErrorAlert error={verify.error} />
      {result ? (
        result.ok ? (
          <p className="alert alert-success" role="status">
            Chain intact: {result.checked} event{result.checked === 1 ? '' : 's'} checked, up to #{result.lastSeq}.
          </p>
        ) : (
          <div className="alert alert-error" role="alert">
            <p>
              Chain broken at event #{result.firstBrokenSeq ?? '?'} after checking {result.checked} event
              {result.checked === 1 ? '' : 's'}.
            </p>
            {result.problem ? <p>{result.problem}</p> : null}
          </div>
        )
      ) : null}
    </div>
  );
}
