import { can } from '@docket/shared/permissions';
import { roleLabels } from '@docket/shared/roles';
import { Suspense, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useSignOut } from '../features/auth/api/sign-out';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { SearchBox } from '../features/search/components/search-box';
import { useCurrentUser } from './current-user';

export function AppShell() {
  const me = useCurrentUser();
  const signOut = useSignOut();
  const [signingOut, setSigningOut] = useState(false);

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut.mutateAsync();
    } catch {
      // Even if the server call failed, leave: the sign-in page will show the real state.
    }
    // A full page load drops every cached answer that belonged to this person.
    window.location.assign('/sign-in');
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          Docket
        </NavLink>
        <nav aria-label="Main" className="nav">
          <NavLink to="/" end>
            Home
          </NavLink>
          {can(me.role, 'legal_requests.read') ? <NavLink to="/requests">Requests</NavLink> : null}
          {can(me.role, 'agencies.read') ? <NavLink to="/agencies">Agencies</NavLink> : null}
          {can(me.role, 'complaints.read') ? <NavLink to="/complaints">Complaints</NavLink> : null}
          {can(me.role, 'regulators.read') ? <NavLink to="/regulators">Regulators</NavLink> : null}
          {can(me.role, 'reports.read') ? <NavLink to="/reports">Reports</NavLink> : null}
          {can(me.role, 'users.read') ? <NavLink to="/people">People</NavLink> : null}
          {can(me.role, 'api_tokens.manage') ? <NavLink to="/api-tokens">API tokens</NavLink> : null}
          {can(me.role, 'audit.read') ? <NavLink to="/audit">Audit log</NavLink> : null}
          {can(me.role, 'retention.run') ? <NavLink to="/retention">Retention</NavLink> : null}
          {can(me.role, 'self.manage') ? <NavLink to="/account">Account</NavLink> : null}
          <NavLink to="/api-reference">API</NavLink>
        </nav>
        <SearchBox />
        <div className="topbar-user">
          {can(me.role, 'self.manage') ? <NotificationBell /> : null}
          <span className="topbar-name">
            {me.name} <span className="badge badge-accent">{roleLabels[me.role]}</span>
          </span>
          <button type="button" className="button button-small" onClick={onSignOut} disabled={signingOut}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Suspense
          fallback={
            <p className="page-loading" aria-busy="true">
              Loading…
            </p>
          }
        >
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
