import { listAuditQuerySchema } from '@docket/shared/audit.schemas';
import { Hono } from 'hono';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { queryParams } from '../../lib/validation';
import { authorize } from '../../middleware/roles';
import { listAudit, recordAuditAlone, verifyAuditChain } from './audit.service';

export const auditRoutes = new Hono<AppEnv>()
  .get('/', authorize('audit.read'), queryParams(listAuditQuerySchema), async (c) => {
    return c.json(await listAudit(c.get('deps').db, c.req.valid('query')), 200);
  })
  .post('/verify', authorize('audit.verify'), async (c) => {
    const { db, clock } = c.get('deps');
    const result = await verifyAuditChain(db);
    await recordAuditAlone(db, clock, actorOf(c), {
      action: 'audit.verified',
      entityType: 'audit',
      entityId: null,
      changes: { ok: result.ok, checked: result.checked, firstBrokenSeq: result.firstBrokenSeq },
    });
    return c.json(result, 200);
  });
