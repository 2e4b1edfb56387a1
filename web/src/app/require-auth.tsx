import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../components/error-alert';
import { useMe } from '../features/auth/api/get-me';
import { withNext } from '../lib/safe-next';
import { CurrentUserContext } from './current-user';

/** Sends anyone not fully signed in to the right sign-in step, remembering the page they asked for. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <p className="page-loading" aria-busy="true">
        Loading…
      </p>
    );
  }
  if (me.isError) {
    return (
      <main className="centered">
        <div className="card stack">
          <ErrorAlert error={me.error} />
          <button type="button" className="button" onClick={() => void me.refetch()}>
            Try again
          </button>
        </div>
      </main>
    );
  }

  const here = `${location.pathname}${location.search}`;
  if (!me.data) return <Navigate to={withNext('/sign-in', here)} replace />;
  if (me.data.next === 'verify') return <Navigate to={withNext('/sign-in/verify', here)} replace />;
  if (me.data.next === 'enroll') return <Navigate to={withNext('/sign-in/enroll', here)} replace />;

  return (
    <CurrentUserContext value={me.data}>
      <Outlet />
    </CurrentUserContext>
  );
}
