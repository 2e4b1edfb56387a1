import { createAgencySchema, idParamSchema, updateAgencySchema } from '@docket/shared/legal-requests.schemas';
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { jsonBody, pathParams, queryParams } from '../../lib/validation';
import { authorize } from '../../middleware/roles';
import { createAgency, getAgency, listAgencyViews, updateAgency } from './agencies.service';

const listQuery = z.strictObject({ q: z.string().trim().max(200).optional() });

export const agenciesRoutes = new Hono<AppEnv>()
  .get('/', authorize('agencies.read'), queryParams(listQuery), async (c) => {
    return c.json({ agencies: await listAgencyViews(c.get('deps'), c.req.valid('query').q) }, 200);
  })
  .post('/', authorize('agencies.manage'), jsonBody(createAgencySchema), async (c) => {
    return c.json({ agency: await createAgency(c.get('deps'), actorOf(c), c.req.valid('json')) }, 201);
  })
  .get('/:id', authorize('agencies.read'), pathParams(idParamSchema), async (c) => {
    return c.json({ agency: await getAgency(c.get('deps'), c.req.valid('param').id) }, 200);
  })
  .patch('/:id', authorize('agencies.manage'), pathParams(idParamSchema), jsonBody(updateAgencySchema), async (c) => {
    return c.json(
      { agency: await updateAgency(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json')) },
      200,
    );
  });
