import { updateSettingsSchema } from '@docket/shared/settings.schemas';
import { Hono } from 'hono';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { jsonBody } from '../../lib/validation';
import { authorize } from '../../middleware/roles';
import { getSettings, updateSettings } from './settings.service';

export const settingsRoutes = new Hono<AppEnv>()
  .get('/', authorize('settings.read'), async (c) => c.json(await getSettings(c.get('deps')), 200))
  .put('/', authorize('settings.manage'), jsonBody(updateSettingsSchema), async (c) => {
    return c.json(await updateSettings(c.get('deps'), actorOf(c), c.req.valid('json')), 200);
  });
