import { can, type Permission } from '@docket/shared/permissions';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Auth } from '../lib/context';
import { AppError } from '../lib/errors';
import { documentRule } from '../lib/openapi';

/**
 * Every route names the permission it needs from the shared permissions table. A session that has
 * not passed the second step is refused everywhere except the routes marked `secondStep`.
 */
export function authorize(permission: Permission | 'public' | 'secondStep') {
  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    c.set('authorizationChecked', true);
    if (permission !== 'public') {
      const auth = c.get('auth');
      if (!auth) throw new AppError('unauthenticated', 'Sign in to continue');
      if (permission !== 'secondStep') {
        requireFullSignIn(auth);
        if (!can(auth.user.role, permission)) {
          throw new AppError('forbidden', 'Your role does not allow this');
        }
      }
    }
    await next();
  });
  return documentRule(middleware, permission);
}

function requireFullSignIn(auth: Auth): void {
  if (auth.fullySignedIn) return;
  if (auth.next === 'enroll') {
    throw new AppError('two_factor_enrollment_required', 'Set up 2-step verification to continue');
  }
  throw new AppError('two_factor_required', 'Enter your 2-step verification code to continue');
}

/** The signed-in person; only call after `authorize` has run. */
export function currentAuth(c: { get(key: 'auth'): Auth | null }): Auth {
  const auth = c.get('auth');
  if (!auth) throw new AppError('unauthenticated', 'Sign in to continue');
  return auth;
}
