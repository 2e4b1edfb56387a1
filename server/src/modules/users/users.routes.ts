import {
  createUserSchema,
  listUsersQuerySchema,
  removeUserSchema,
  updateUserSchema,
  userIdParamSchema,
} from '@docket/shared/users.schemas';
import { Hono } from 'hono';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { jsonBody, pathParams, queryParams } from '../../lib/validation';
import { authorize } from '../../middleware/roles';
import { createPerson, getPerson, listAssignable, listPeople, removePerson, updatePerson } from './users.service';

export const usersRoutes = new Hono<AppEnv>()
  .get('/', authorize('users.read'), queryParams(listUsersQuerySchema), async (c) => {
    return c.json({ users: await listPeople(c.get('deps'), c.req.valid('query')) }, 200);
  })
  // Who a legal request can be assigned to: names only, for the people who assign.
  .get('/assignable', authorize('legal_requests.write'), async (c) => {
    return c.json({ people: await listAssignable(c.get('deps')) }, 200);
  })
  .post('/', authorize('users.manage'), jsonBody(createUserSchema), async (c) => {
    return c.json({ user: await createPerson(c.get('deps'), actorOf(c), c.req.valid('json')) }, 201);
  })
  .get('/:id', authorize('users.read'), pathParams(userIdParamSchema), async (c) => {
    return c.json({ user: await getPerson(c.get('deps'), c.req.valid('param').id) }, 200);
  })
  .patch('/:id', authorize('users.manage'), pathParams(userIdParamSchema), jsonBody(updateUserSchema), async (c) => {
    const user = await updatePerson(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ user }, 200);
  })
  .delete(
    '/:id',
    authorize('users.manage'),
    pathParams(userIdParamSchema),
    queryParams(removeUserSchema),
    async (c) => {
      const user = await removePerson(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('query').version);
      return c.json({ user }, 200);
    },
  );
