import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../features/auth/api/get-me';
import { SignInForm } from '../../../features/auth/components/sign-in-form';
import { safeNext } from '../../../lib/safe-next';
import { nextStepPath } from './next-step';

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const navigate = useNavigate();

  if (me.data?.next === 'done') return <Navigate to={next} replace />;

  return (
    <div className="stack">
      <h1>Sign in</h1>
      <SignInForm onSignedIn={(signedIn) => navigate(nextStepPath(signedIn, next), { replace: true })} />
    </div>
  );
}
