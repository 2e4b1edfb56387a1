import { historyQuerySchema } from '@docket/shared/audit.schemas';
import {
  addContactSchema,
  addCorrespondenceSchema,
  closeEscalationSchema,
  complaintExportQuerySchema,
  complaintQueueSchema,
  complaintTransitionSchema,
  correspondenceParamSchema,
  createComplaintSchema,
  escalationParamSchema,
  extendComplaintSchema,
  openEscalationSchema,
  resolveComplaintSchema,
  updateComplaintSchema,
  updateEscalationSchema,
} from '@docket/shared/complaints.schemas';
import { attachmentParamSchema, idParamSchema, uploadQuerySchema } from '@docket/shared/legal-requests.schemas';
import { can } from '@docket/shared/permissions';
import { type Context, Hono } from 'hono';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { csvDownload, recordExport } from '../../lib/csv-export';
import { AppError } from '../../lib/errors';
import { idempotent } from '../../lib/idempotency';
import { jsonBody, pathParams, queryParams } from '../../lib/validation';
import { authorize, currentAuth } from '../../middleware/roles';
import { attachmentResponse, uploadFromRequest } from '../attachments/attachments.http';
import { openAttachment } from '../attachments/attachments.service';
import { listAudit } from '../audit/audit.service';
import { complaintCsvColumns } from './complaints.csv';
import {
  addContact,
  addCorrespondence,
  assertCorrespondence,
  attachmentOwner,
  CORRESPONDENCE_ENTITY,
  closeEscalation,
  createComplaint,
  exportComplaints,
  extendComplaint,
  getComplaint,
  listComplaints,
  openEscalation,
  resolveComplaint,
  transitionComplaint,
  updateComplaint,
  updateEscalation,
} from './complaints.service';

const viewer = (c: Context<AppEnv>) => ({ personalData: can(currentAuth(c).user.role, 'complaints.personal_data') });

export const complaintsRoutes = new Hono<AppEnv>()
  .get('/', authorize('complaints.read'), queryParams(complaintQueueSchema), async (c) => {
    return c.json(await listComplaints(c.get('deps'), c.req.valid('query'), viewer(c)), 200);
  })
  // Before '/:id', which would otherwise take "export.csv" for an id.
  .get('/export.csv', authorize('complaints.read'), queryParams(complaintExportQuerySchema), async (c) => {
    const query = c.req.valid('query');
    await recordExport(c.get('deps'), actorOf(c), 'complaint', query);
    const stamp = c.get('deps').clock.now().toISOString().slice(0, 10);
    return csvDownload(
      c,
      `docket-complaints-${stamp}.csv`,
      complaintCsvColumns,
      exportComplaints(c.get('deps'), query),
    );
  })
  .post('/', authorize('complaints.write'), jsonBody(createComplaintSchema), async (c) => {
    const input = c.req.valid('json');
    const actor = actorOf(c);
    const result = await idempotent(
      c.get('deps').db,
      {
        actorId: currentAuth(c).user.id,
        key: c.req.header('idempotency-key'),
        route: 'POST /api/complaints',
        request: input,
        status: 201,
      },
      async (trx) => ({ complaint: await createComplaint(c.get('deps'), trx, actor, input) }),
    );
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result.body, 201);
  })
  .get('/:id', authorize('complaints.read'), pathParams(idParamSchema), async (c) => {
    return c.json({ complaint: await getComplaint(c.get('deps'), c.req.valid('param').id, viewer(c)) }, 200);
  })
  .get(
    '/:id/history',
    authorize('complaints.read'),
    pathParams(idParamSchema),
    queryParams(historyQuerySchema),
    async (c) => {
      const { id } = c.req.valid('param');
      await getComplaint(c.get('deps'), id, { personalData: false });
      return c.json(
        await listAudit(c.get('deps').db, { entityType: 'complaint', entityId: id, ...c.req.valid('query') }),
        200,
      );
    },
  )
  .patch(
    '/:id',
    authorize('complaints.write'),
    pathParams(idParamSchema),
    jsonBody(updateComplaintSchema),
    async (c) => {
      return c.json(
        { complaint: await updateComplaint(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json')) },
        200,
      );
    },
  )
  .post(
    '/:id/transitions',
    authorize('complaints.write'),
    pathParams(idParamSchema),
    jsonBody(complaintTransitionSchema),
    async (c) => {
      return c.json(
        {
          complaint: await transitionComplaint(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        },
        200,
      );
    },
  )
  .post(
    '/:id/contacts',
    authorize('complaints.write'),
    pathParams(idParamSchema),
    jsonBody(addContactSchema),
    async (c) => {
      return c.json(
        { complaint: await addContact(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json')) },
        201,
      );
    },
  )
  .post(
    '/:id/extension',
    authorize('complaints.write'),
    pathParams(idParamSchema),
    jsonBody(extendComplaintSchema),
    async (c) => {
      return c.json(
        { complaint: await extendComplaint(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json')) },
        200,
      );
    },
  )
  .put(
    '/:id/resolution',
    authorize('complaints.write'),
    pathParams(idParamSchema),
    jsonBody(resolveComplaintSchema),
    async (c) => {
      return c.json(
        { complaint: await resolveComplaint(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json')) },
        200,
      );
    },
  )
  .post(
    '/:id/escalations',
    authorize('complaints.write'),
    pathParams(idParamSchema),
    jsonBody(openEscalationSchema),
    async (c) => {
      return c.json(
        { complaint: await openEscalation(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json')) },
        201,
      );
    },
  )
  .patch(
    '/:id/escalations/:escalationId',
    authorize('complaints.write'),
    pathParams(escalationParamSchema),
    jsonBody(updateEscalationSchema),
    async (c) => {
      const { id, escalationId } = c.req.valid('param');
      return c.json(
        { complaint: await updateEscalation(c.get('deps'), actorOf(c), id, escalationId, c.req.valid('json')) },
        200,
      );
    },
  )
  .post(
    '/:id/escalations/:escalationId/correspondence',
    authorize('complaints.write'),
    pathParams(escalationParamSchema),
    jsonBody(addCorrespondenceSchema),
    async (c) => {
      const { id, escalationId } = c.req.valid('param');
      return c.json(
        { complaint: await addCorrespondence(c.get('deps'), actorOf(c), id, escalationId, c.req.valid('json')) },
        201,
      );
    },
  )
  .post(
    '/:id/escalations/:escalationId/closure',
    authorize('complaints.write'),
    pathParams(escalationParamSchema),
    jsonBody(closeEscalationSchema),
    async (c) => {
      const { id, escalationId } = c.req.valid('param');
      return c.json(
        { complaint: await closeEscalation(c.get('deps'), actorOf(c), id, escalationId, c.req.valid('json')) },
        200,
      );
    },
  )
  // File bodies, not JSON: the original letter or email.
  .post(
    '/:id/attachments',
    authorize('complaints.write'),
    pathParams(idParamSchema),
    queryParams(uploadQuerySchema),
    async (c) => {
      const { id } = c.req.valid('param');
      await getComplaint(c.get('deps'), id, { personalData: false });
      return c.json({ attachment: await uploadFromRequest(c, 'complaint', id, c.req.valid('query')) }, 201);
    },
  )
  .post(
    '/:id/escalations/:escalationId/correspondence/:correspondenceId/attachments',
    authorize('complaints.write'),
    pathParams(correspondenceParamSchema),
    queryParams(uploadQuerySchema),
    async (c) => {
      const { id, escalationId, correspondenceId } = c.req.valid('param');
      await assertCorrespondence(c.get('deps').db, id, escalationId, correspondenceId);
      return c.json(
        { attachment: await uploadFromRequest(c, CORRESPONDENCE_ENTITY, correspondenceId, c.req.valid('query')) },
        201,
      );
    },
  )
  .get(
    '/:id/attachments/:attachmentId',
    authorize('complaints.personal_data'),
    pathParams(attachmentParamSchema),
    async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      const row = await attachmentOwner(c.get('deps').db, id, attachmentId);
      if (!row) throw new AppError('not_found', 'Attachment not found');
      return attachmentResponse(c, openAttachment(c.get('deps'), row));
    },
  );
