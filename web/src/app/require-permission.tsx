import { can, type Permission } from '@docket/shared/permissions';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from './current-user';

/** Hides a page from roles the permission table does not allow; the server enforces the same table. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useCurrentUser();
  if (can(me.role, permission)) return children;
  return (
    <section className="stack">
      <h1>No access</h1>
      <p>Your role does not give access to this page.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
