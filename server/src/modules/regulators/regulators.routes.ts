import { createCategorySchema, createRegulatorSchema, updateRegulatorSchema } from '@docket/shared/complaints.schemas';
import { idParamSchema } from '@docket/shared/legal-requests.schemas';
import { Hono } from 'hono';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { jsonBody, pathParams } from '../../lib/validation';
import { authorize } from '../../middleware/roles';
import { createCategory, createRegulator, listCategories, listRegulators, updateRegulator } from './regulators.service';

export const regulatorsRoutes = new Hono<AppEnv>()
  .get('/', authorize('regulators.read'), async (c) => c.json({ regulators: await listRegulators(c.get('deps')) }, 200))
  .post('/', authorize('regulators.manage'), jsonBody(createRegulatorSchema), async (c) => {
    return c.json({ regulator: await createRegulator(c.get('deps'), actorOf(c), c.req.valid('json')) }, 201);
  })
  .patch(
    '/:id',
    authorize('regulators.manage'),
    pathParams(idParamSchema),
    jsonBody(updateRegulatorSchema),
    async (c) => {
      return c.json(
        { regulator: await updateRegulator(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json')) },
        200,
      );
    },
  );

export const categoriesRoutes = new Hono<AppEnv>()
  .get('/', authorize('complaints.read'), async (c) => c.json({ categories: await listCategories(c.get('deps')) }, 200))
  .post('/', authorize('categories.manage'), jsonBody(createCategorySchema), async (c) => {
    return c.json({ category: await createCategory(c.get('deps'), actorOf(c), c.req.valid('json')) }, 201);
  });
