import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../lib/context';
import { AppError } from '../lib/errors';
import { bearerSecret, SESSION_COOKIE } from './session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request must come from Docket's own pages (CSRF defence alongside SameSite=Lax).
 * A script with an API token and no session cookie is exempt: CSRF rides on cookies the browser adds by
 * itself, and no other site can make a browser send our Authorization header. A request carrying both
 * is a cookie request and is checked.
 */
export const originCheck = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const tokenOnly = bearerSecret(c.req.header('authorization')) !== null && !getCookie(c, SESSION_COOKIE);
    const { config } = c.get('deps');
    const origin = c.req.header('origin');
    if (!tokenOnly && (!origin || (origin !== config.publicOrigin && !config.extraOrigins.includes(origin)))) {
      throw new AppError(
        'origin_mismatch',
        'This request must come from a Docket page (Origin header missing or not allowed)',
      );
    }
  }
  await next();
});
