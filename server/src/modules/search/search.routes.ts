import { searchQuerySchema } from '@docket/shared/search.schemas';
import { Hono } from 'hono';
import type { AppEnv } from '../../lib/context';
import { queryParams } from '../../lib/validation';
import { authorize, currentAuth } from '../../middleware/roles';
import { search } from './search.service';

export const searchRoutes = new Hono<AppEnv>().get(
  '/',
  authorize('search.use'),
  queryParams(searchQuerySchema),
  async (c) => c.json(await search(c.get('deps'), currentAuth(c).user.role, c.req.valid('query')), 200),
);
