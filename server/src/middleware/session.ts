import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../lib/context';
import { validateSessionToken } from '../modules/auth/auth.sessions';

export const SESSION_COOKIE = 'docket_session';

/** Reads the session cookie, if any, and puts who is signed in on the context. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set('auth', null);
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const auth = await validateSessionToken(c.var.deps, token);
    if (auth) c.set('auth', auth);
    else deleteSessionCookie(c);
  }
  await next();
});

export function setSessionCookie(c: Context<AppEnv>, token: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.secureCookies,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function deleteSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.var.deps.config.secureCookies });
}
