import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../lib/context';
import { AppError } from '../lib/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every state-changing request must come from Docket's own pages (CSRF defence alongside SameSite=Lax). */
export const originCheck = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const { config } = c.var.deps;
    const origin = c.req.header('origin');
    if (!origin || (origin !== config.publicOrigin && !config.extraOrigins.includes(origin))) {
      throw new AppError(
        'origin_mismatch',
        'This request must come from a Docket page (Origin header missing or not allowed)',
      );
    }
  }
  await next();
});
