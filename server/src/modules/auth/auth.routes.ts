import {
  changePasswordSchema,
  confirmEnrollmentSchema,
  disableTwoFactorSchema,
  regenerateRecoveryCodesSchema,
  sessionIdParamSchema,
  signInSchema,
  verifySecondStepSchema,
} from '@docket/shared/auth.schemas';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../lib/context';
import { jsonBody, pathParams } from '../../lib/validation';
import { authorize, currentAuth } from '../../middleware/roles';
import { deleteSessionCookie, setSessionCookie } from '../../middleware/session';
import {
  changeOwnPassword,
  completeSecondStep,
  confirmEnrollment,
  disableTwoFactor,
  endOtherSessions,
  endOwnSession,
  listOwnSessions,
  type RequestMeta,
  regenerateRecoveryCodes,
  signIn,
  signOut,
  startEnrollment,
  toMe,
} from './auth.service';

export function requestMeta(c: Context<AppEnv>): RequestMeta {
  return {
    ip: clientIp(c),
    userAgent: c.req.header('user-agent')?.slice(0, 400) ?? null,
    requestId: c.get('requestId'),
  };
}

function clientIp(c: Context<AppEnv>): string | null {
  if (c.get('deps').config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // not served by node (in-process test requests)
  }
}

export const authRoutes = new Hono<AppEnv>()
  .post('/sign-in', authorize('public'), jsonBody(signInSchema), async (c) => {
    const previous = c.get('auth')?.session.id ?? null;
    const result = await signIn(c.get('deps'), c.req.valid('json'), requestMeta(c), previous);
    setSessionCookie(c, result.token, result.maxAgeSeconds);
    return c.json({ me: result.me }, 200);
  })
  .post('/sign-out', authorize('secondStep'), async (c) => {
    await signOut(c.get('deps'), currentAuth(c), requestMeta(c));
    deleteSessionCookie(c);
    return c.body(null, 204);
  })
  .get('/me', authorize('secondStep'), (c) => c.json({ me: toMe(currentAuth(c)) }, 200))
  .post('/second-step', authorize('secondStep'), jsonBody(verifySecondStepSchema), async (c) => {
    const result = await completeSecondStep(c.get('deps'), currentAuth(c), c.req.valid('json'), requestMeta(c));
    setSessionCookie(c, result.token, result.maxAgeSeconds);
    return c.json({ me: result.me }, 200);
  })
  .post('/two-factor/enrollment', authorize('secondStep'), async (c) => {
    return c.json(await startEnrollment(c.get('deps'), currentAuth(c), requestMeta(c)), 200);
  })
  .post('/two-factor/enrollment/confirm', authorize('secondStep'), jsonBody(confirmEnrollmentSchema), async (c) => {
    const result = await confirmEnrollment(c.get('deps'), currentAuth(c), c.req.valid('json').code, requestMeta(c));
    setSessionCookie(c, result.token, result.maxAgeSeconds);
    return c.json({ me: result.me, recoveryCodes: result.recoveryCodes }, 200);
  })
  .post('/two-factor/disable', authorize('self.manage'), jsonBody(disableTwoFactorSchema), async (c) => {
    const me = await disableTwoFactor(c.get('deps'), currentAuth(c), c.req.valid('json').code, requestMeta(c));
    return c.json({ me }, 200);
  })
  .post('/recovery-codes', authorize('self.manage'), jsonBody(regenerateRecoveryCodesSchema), async (c) => {
    const recoveryCodes = await regenerateRecoveryCodes(
      c.get('deps'),
      currentAuth(c),
      c.req.valid('json').code,
      requestMeta(c),
    );
    return c.json({ recoveryCodes }, 200);
  })
  .post('/password', authorize('self.manage'), jsonBody(changePasswordSchema), async (c) => {
    await changeOwnPassword(c.get('deps'), currentAuth(c), c.req.valid('json'), requestMeta(c));
    return c.body(null, 204);
  })
  .get('/sessions', authorize('self.manage'), async (c) => {
    return c.json({ sessions: await listOwnSessions(c.get('deps'), currentAuth(c)) }, 200);
  })
  .delete('/sessions', authorize('self.manage'), async (c) => {
    await endOtherSessions(c.get('deps'), currentAuth(c), requestMeta(c));
    return c.body(null, 204);
  })
  .delete('/sessions/:id', authorize('self.manage'), pathParams(sessionIdParamSchema), async (c) => {
    await endOwnSession(c.get('deps'), currentAuth(c), c.req.valid('param').id, requestMeta(c));
    return c.body(null, 204);
  });
