import { Link } from 'react-router';
import { SessionsTable } from '../../../features/auth/components/sessions-table';

export function SessionsPage() {
  return (
    <section className="stack">
      <p>
        <Link to="/account">← Your account</Link>
      </p>
      <h1>Your sessions</h1>
      <p className="muted">Each browser or device you have signed in with. End any you do not recognise.</p>
      <SessionsTable />
    </section>
  );
}
