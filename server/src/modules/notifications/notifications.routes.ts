import { listNotificationsQuerySchema, notificationIdParamSchema } from '@docket/shared/notifications.schemas';
import { Hono } from 'hono';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { pathParams, queryParams } from '../../lib/validation';
import { authorize, currentAuth } from '../../middleware/roles';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.service';

// Every route acts on the signed-in person's own notifications only.
export const notificationsRoutes = new Hono<AppEnv>()
  .get('/', authorize('self.manage'), queryParams(listNotificationsQuerySchema), async (c) => {
    return c.json(await listNotifications(c.get('deps'), currentAuth(c).user.id, c.req.valid('query')), 200);
  })
  .get('/unread-count', authorize('self.manage'), async (c) => {
    return c.json({ unread: await unreadCount(c.get('deps'), currentAuth(c).user.id) }, 200);
  })
  .post('/read-all', authorize('self.manage'), async (c) => {
    return c.json(await markAllRead(c.get('deps'), actorOf(c), currentAuth(c).user.id), 200);
  })
  .post('/:id/read', authorize('self.manage'), pathParams(notificationIdParamSchema), async (c) => {
    const notification = await markRead(c.get('deps'), actorOf(c), currentAuth(c).user.id, c.req.valid('param').id);
    return c.json({ notification }, 200);
  });
