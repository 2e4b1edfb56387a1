import { apiTokenIdParamSchema, issueApiTokenSchema } from '@docket/shared/api-tokens.schemas';
import { Hono } from 'hono';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { jsonBody, pathParams } from '../../lib/validation';
import { authorize, currentAuth } from '../../middleware/roles';
import { issueApiToken, listApiTokenViews, revokeApiToken } from './api-tokens.service';

export const apiTokensRoutes = new Hono<AppEnv>()
  .get('/', authorize('api_tokens.manage'), async (c) => {
    return c.json({ tokens: await listApiTokenViews(c.get('deps')) }, 200);
  })
  // The secret is in this answer and nowhere else, ever.
  .post('/', authorize('api_tokens.manage'), jsonBody(issueApiTokenSchema), async (c) => {
    const issued = await issueApiToken(c.get('deps'), currentAuth(c), actorOf(c), c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(issued, 201);
  })
  .post('/:id/revocation', authorize('api_tokens.manage'), pathParams(apiTokenIdParamSchema), async (c) => {
    const token = await revokeApiToken(c.get('deps'), currentAuth(c), actorOf(c), c.req.valid('param').id);
    return c.json({ token }, 200);
  });
