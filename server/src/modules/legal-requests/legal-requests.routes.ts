import { historyQuerySchema } from '@docket/shared/audit.schemas';
import {
  addNoteSchema,
  attachmentParamSchema,
  createLegalRequestSchema,
  decisionSchema,
  extendPreservationSchema,
  followUpSchema,
  idParamSchema,
  type LegalRequestView,
  noticeSchema,
  openPushbackSchema,
  queueExportQuerySchema,
  queueQuerySchema,
  resolvePushbackSchema,
  responseSchema,
  transitionSchema,
  updateLegalRequestSchema,
  uploadQuerySchema,
} from '@docket/shared/legal-requests.schemas';
import { Hono } from 'hono';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { csvDownload, recordExport } from '../../lib/csv-export';
import { idempotent } from '../../lib/idempotency';
import { jsonText } from '../../lib/page-cache';
import { jsonBody, pathParams, queryParams } from '../../lib/validation';
import { authorize, currentAuth } from '../../middleware/roles';
import { attachmentResponse, uploadFromRequest } from '../attachments/attachments.http';
import { readAttachment } from '../attachments/attachments.service';
import { listAudit } from '../audit/audit.service';
import { queueCsvColumns } from './legal-requests.csv';
import {
  addNote,
  createLegalRequest,
  exportQueue,
  extendPreservation,
  getLegalRequest,
  legalRequestPage,
  listQueue,
  openPushback,
  recordDecision,
  recordFollowUp,
  recordNotice,
  recordResponse,
  resolvePushback,
  transitionLegalRequest,
  updateLegalRequest,
} from './legal-requests.service';

const ENTITY = 'legal_request';

export const legalRequestsRoutes = new Hono<AppEnv>()
  .get('/', authorize('legal_requests.read'), queryParams(queueQuerySchema), async (c) => {
    return c.json(await listQueue(c.get('deps'), currentAuth(c).user.id, c.req.valid('query')), 200);
  })
  // Before '/:id', which would otherwise take "export.csv" for an id.
  .get('/export.csv', authorize('legal_requests.read'), queryParams(queueExportQuerySchema), async (c) => {
    const query = c.req.valid('query');
    await recordExport(c.get('deps'), actorOf(c), ENTITY, query);
    const stamp = c.get('deps').clock.now().toISOString().slice(0, 10);
    return csvDownload(
      c,
      `docket-legal-requests-${stamp}.csv`,
      queueCsvColumns,
      exportQueue(c.get('deps'), currentAuth(c).user.id, query),
    );
  })
  .post('/', authorize('legal_requests.write'), jsonBody(createLegalRequestSchema), async (c) => {
    const input = c.req.valid('json');
    const actor = actorOf(c);
    const result = await idempotent(
      c.get('deps').db,
      {
        actorId: currentAuth(c).user.id,
        key: c.req.header('idempotency-key'),
        route: 'POST /api/legal-requests',
        request: input,
        status: 201,
      },
      async (trx) => ({ request: await createLegalRequest(c.get('deps'), trx, actor, input) }),
    );
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result.body, 201);
  })
  .get('/:id', authorize('legal_requests.read'), pathParams(idParamSchema), async (c) => {
    const page = await legalRequestPage(c.get('deps'), c.req.valid('param').id);
    c.header('ETag', `"${page.version}"`);
    return jsonText<{ request: LegalRequestView }>(c, page.body);
  })
  // The case's own audit trail, for its timeline (the full trail is admin-only).
  .get(
    '/:id/history',
    authorize('legal_requests.read'),
    pathParams(idParamSchema),
    queryParams(historyQuerySchema),
    async (c) => {
      const { id } = c.req.valid('param');
      await getLegalRequest(c.get('deps'), id);
      return c.json(
        await listAudit(c.get('deps').db, { entityType: ENTITY, entityId: id, ...c.req.valid('query') }),
        200,
      );
    },
  )
  .patch(
    '/:id',
    authorize('legal_requests.write'),
    pathParams(idParamSchema),
    jsonBody(updateLegalRequestSchema),
    async (c) => {
      const request = await updateLegalRequest(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ request }, 200);
    },
  )
  .post(
    '/:id/transitions',
    authorize('legal_requests.write'),
    pathParams(idParamSchema),
    jsonBody(transitionSchema),
    async (c) => {
      const request = await transitionLegalRequest(
        c.get('deps'),
        actorOf(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json({ request }, 200);
    },
  )
  .post(
    '/:id/notes',
    authorize('legal_requests.write'),
    pathParams(idParamSchema),
    jsonBody(addNoteSchema),
    async (c) => {
      const request = await addNote(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ request }, 201);
    },
  )
  .post(
    '/:id/pushbacks',
    authorize('legal_requests.write'),
    pathParams(idParamSchema),
    jsonBody(openPushbackSchema),
    async (c) => {
      const request = await openPushback(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ request }, 201);
    },
  )
  .post(
    '/:id/pushbacks/resolution',
    authorize('legal_requests.write'),
    pathParams(idParamSchema),
    jsonBody(resolvePushbackSchema),
    async (c) => {
      const request = await resolvePushback(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ request }, 200);
    },
  )
  .put(
    '/:id/decision',
    authorize('legal_requests.write'),
    pathParams(idParamSchema),
    jsonBody(decisionSchema),
    async (c) => {
      const request = await recordDecision(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ request }, 200);
    },
  )
  .put(
    '/:id/response',
    authorize('legal_requests.write'),
    pathParams(idParamSchema),
    jsonBody(responseSchema),
    async (c) => {
      const request = await recordResponse(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ request }, 200);
    },
  )
  .put(
    '/:id/notice',
    authorize('legal_requests.write'),
    pathParams(idParamSchema),
    jsonBody(noticeSchema),
    async (c) => {
      const request = await recordNotice(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ request }, 200);
    },
  )
  .put(
    '/:id/follow-up',
    authorize('legal_requests.write'),
    pathParams(idParamSchema),
    jsonBody(followUpSchema),
    async (c) => {
      const request = await recordFollowUp(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ request }, 200);
    },
  )
  .post(
    '/:id/preservation/extension',
    authorize('legal_requests.write'),
    pathParams(idParamSchema),
    jsonBody(extendPreservationSchema),
    async (c) => {
      const request = await extendPreservation(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ request }, 200);
    },
  )
  // The body is the file itself (not JSON): its Content-Type is checked against its bytes.
  .post(
    '/:id/attachments',
    authorize('legal_requests.write'),
    pathParams(idParamSchema),
    queryParams(uploadQuerySchema),
    async (c) => {
      const { id } = c.req.valid('param');
      await getLegalRequest(c.get('deps'), id); // 404 before reading any bytes
      const attachment = await uploadFromRequest(c, ENTITY, id, c.req.valid('query'));
      return c.json({ attachment }, 201);
    },
  )
  .get(
    '/:id/attachments/:attachmentId',
    authorize('legal_requests.read'),
    pathParams(attachmentParamSchema),
    async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      return attachmentResponse(c, await readAttachment(c.get('deps'), ENTITY, id, attachmentId));
    },
  );
