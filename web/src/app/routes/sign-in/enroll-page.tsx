import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../features/auth/api/get-me';
import { EnrollTwoFactor } from '../../../features/auth/components/enroll-two-factor';
import { meQueryKey } from '../../../lib/query-client';
import { safeNext, withNext } from '../../../lib/safe-next';
import { nextStepPath } from './next-step';
import { StartOverButton } from './start-over-button';

export function EnrollPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  if (me.isPending) return <p aria-busy="true">Loading…</p>;
  if (!me.data) return <Navigate to={withNext('/sign-in', next)} replace />;
  if (me.data.next !== 'enroll') return <Navigate to={nextStepPath(me.data, next)} replace />;

  return (
    <div className="stack">
      <h1>Set up 2-step verification</h1>
      <p>Your role must confirm each sign-in with a code from an authenticator app.</p>
      <EnrollTwoFactor
        onDone={(enrolled) => {
          queryClient.setQueryData(meQueryKey, enrolled);
          navigate(nextStepPath(enrolled, next), { replace: true });
        }}
      />
      <StartOverButton />
    </div>
  );
}
