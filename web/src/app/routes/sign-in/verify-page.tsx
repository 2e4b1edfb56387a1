import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../features/auth/api/get-me';
import { SecondStepForm } from '../../../features/auth/components/second-step-form';
import { safeNext, withNext } from '../../../lib/safe-next';
import { nextStepPath } from './next-step';
import { StartOverButton } from './start-over-button';

export function VerifyPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const navigate = useNavigate();

  if (me.isPending) return <p aria-busy="true">Loading…</p>;
  if (!me.data) return <Navigate to={withNext('/sign-in', next)} replace />;
  if (me.data.next !== 'verify') return <Navigate to={nextStepPath(me.data, next)} replace />;

  return (
    <div className="stack">
      <h1>2-step verification</h1>
      <p>Enter the code from your authenticator app to finish signing in.</p>
      <SecondStepForm onVerified={(verified) => navigate(nextStepPath(verified, next), { replace: true })} />
      <StartOverButton />
    </div>
  );
}
