import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { authorize } from '../../middleware/roles';

export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', authorize('public'), (c) => c.json({ status: 'ok' }, 200))
  .get('/readyz', authorize('public'), async (c) => {
    try {
      await sql`select 1`.execute(c.get('deps').db);
    } catch {
      throw new AppError('unavailable', 'The database is not reachable');
    }
    return c.json({ status: 'ready' }, 200);
  });
