import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../lib/context';
import { AppError } from '../lib/errors';
import { authenticateApiToken } from '../modules/api-tokens/api-tokens.service';
import { validateSessionToken } from '../modules/auth/auth.sessions';

export const SESSION_COOKIE = 'docket_session';

/** The secret of an `Authorization: Bearer …` header; other schemes (a proxy's Basic auth) are not ours. */
export function bearerSecret(header: string | undefined): string | null {
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header?.trim() ?? '');
  if (!match) return null;
  return match[1]?.trim() ?? '';
}

/**
 * What an API token may not do: sign-in, sign-out, 2-step verification, password and own sessions
 * belong to a person (only "who am I" makes sense), and tokens are issued and revoked by a person.
 */
export function tokenRefusal(method: string, path: string): string | null {
  if (path === '/api/auth' || path.startsWith('/api/auth/')) {
    if (method === 'GET' && path === '/api/auth/me') return null;
    return 'API tokens cannot sign in or out, set up 2-step verification, change a password or manage sessions';
  }
  if (path === '/api/api-tokens' || path.startsWith('/api/api-tokens/')) {
    return 'API tokens cannot list, issue or revoke API tokens; sign in as an admin to do that';
  }
  return null;
}

/**
 * Puts who is calling on the context: the person of the session cookie, or the API token of an
 * `Authorization: Bearer` header. A bad token is refused (401), never treated as anonymous.
 */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set('auth', null);
  const token = getCookie(c, SESSION_COOKIE);
  const secret = bearerSecret(c.req.header('authorization'));
  if (secret !== null) {
    if (token) {
      throw new AppError(
        'bad_request',
        'Send either a session cookie or an API token (Authorization: Bearer), not both',
      );
    }
    if (!secret) throw new AppError('unauthenticated', 'The Authorization header has no API token after "Bearer"');
    const auth = await authenticateApiToken(c.get('deps'), secret);
    const refusal = tokenRefusal(c.req.method, c.req.path);
    if (refusal) throw new AppError('forbidden', refusal);
    c.set('auth', auth);
    await next();
    // A token request never gets a cookie, whatever a route tried to set.
    try {
      c.res.headers.delete('set-cookie');
    } catch {
      // immutable headers (a streamed file): no route sets a cookie on those
    }
    return;
  }
  if (token) {
    const auth = await validateSessionToken(c.get('deps'), token);
    if (auth) c.set('auth', auth);
    else deleteSessionCookie(c);
  }
  await next();
});

export function setSessionCookie(c: Context<AppEnv>, token: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').config.secureCookies,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function deleteSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.get('deps').config.secureCookies });
}
