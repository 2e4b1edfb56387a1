import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { EnrollTwoFactor } from '../../../features/auth/components/enroll-two-factor';
import { meQueryKey } from '../../../lib/query-client';
import { useCurrentUser } from '../../current-user';

export function TwoFactorPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  if (me.twoFactorEnabled) {
    return (
      <section className="stack">
        <h1>2-step verification</h1>
        <p>2-step verification is already on for your account.</p>
        <p>
          <Link to="/account">Back to your account</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="stack narrow-lg">
      <p>
        <Link to="/account">← Your account</Link>
      </p>
      <h1>Set up 2-step verification</h1>
      <EnrollTwoFactor
        onDone={(enrolled) => {
          queryClient.setQueryData(meQueryKey, enrolled);
          navigate('/account');
        }}
      />
    </section>
  );
}
