import { Hono } from 'hono';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { authorize } from '../../middleware/roles';
import { runRetention } from './complaints.retention';

export const retentionRoutes = new Hono<AppEnv>()
  /** What the retention rule would erase now. */
  .get('/', authorize('retention.run'), async (c) =>
    c.json(await runRetention(c.get('deps'), actorOf(c), { dryRun: true }), 200),
  )
  .post('/', authorize('retention.run'), async (c) =>
    c.json(await runRetention(c.get('deps'), actorOf(c), { dryRun: false }), 200),
  );
