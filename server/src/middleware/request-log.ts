import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../lib/context';

/** One line per request: no bodies, no query strings (they may carry personal data), no cookies. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  c.var.deps.logger.info(
    {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      userId: c.var.auth?.user.id ?? null,
    },
    'request',
  );
});
