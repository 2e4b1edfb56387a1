import { Outlet } from 'react-router';

export function SignInLayout() {
  return (
    <main className="centered">
      <div className="card">
        <p className="card-brand">Docket</p>
        <Outlet />
      </div>
    </main>
  );
}
