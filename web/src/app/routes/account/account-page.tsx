import { roleLabels } from '@docket/shared/roles';
import { Link } from 'react-router';
import { ChangePasswordForm } from '../../../features/auth/components/change-password-form';
import { TwoFactorStatus } from '../../../features/auth/components/two-factor-status';
import { useCurrentUser } from '../../current-user';

export function AccountPage() {
  const me = useCurrentUser();
  return (
    <div className="stack-lg">
      <section className="stack">
        <h1>Your account</h1>
        <dl className="details">
          <dt>Name</dt>
          <dd>{me.name}</dd>
          <dt>Email</dt>
          <dd>{me.email}</dd>
          <dt>Role</dt>
          <dd>{roleLabels[me.role]}</dd>
        </dl>
        <p className="muted small">An admin can change your name, email and role.</p>
      </section>
      <section className="panel stack" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <ChangePasswordForm />
      </section>
      <section className="panel stack" aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">2-step verification</h2>
        <TwoFactorStatus me={me} />
      </section>
      <section className="panel stack" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>See where you are signed in, and sign out of devices you no longer use.</p>
        <p>
          <Link to="/account/sessions">Manage your sessions</Link>
        </p>
      </section>
    </div>
  );
}
