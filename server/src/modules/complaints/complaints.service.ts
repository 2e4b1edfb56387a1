import type { ComplaintRow, Database } from '@docket/db/database';
import {
  type ComplaintExportQuery,
  type ComplaintQueueQuery,
  type ComplaintStatus,
  type ComplaintSummary,
  type ComplaintView,
  complaintTransitions,
  type createComplaintSchema,
  type EscalationView,
  type resolveComplaintSchema,
  type updateComplaintSchema,
} from '@docket/shared/complaints.schemas';
import type { AttachmentView } from '@docket/shared/legal-requests.schemas';
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { z } from 'zod';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../../lib/context';
import { cachedDeadlineRules, type DeadlineRules, loadDeadlineRules } from '../../lib/deadlines';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { type Cursor, cursorAfter, decodeCursor, EXPORT_PAGE, encodeCursor } from '../../lib/keyset';
import { type PersonalDataCipher, personalDataCipher } from '../../lib/personal-data';
import { toAttachmentView } from '../attachments/attachments.service';
import { recordAudit } from '../audit/audit.service';
import { nextReferenceNumber } from '../legal-requests/legal-requests.queries';
import { complaintClocks, nextComplaintDeadline, responseDue } from './complaints.clocks';
import {
  complaintQueue,
  existingLegalRequests,
  findComplaint,
  findComplaintWithLists,
  listEscalations,
  lockComplaint,
  replaceLinks,
} from './complaints.queries';

export interface ComplaintCtx {
  db: Kysely<Database>;
  clock: Clock;
  config: { secretKey: Buffer };
}
type Db = Kysely<Database> | Transaction<Database>;

/** Who is looking decides whether personal data is in the answer at all. */
export interface Viewer {
  personalData: boolean;
}

const ENTITY = 'complaint';
export const CORRESPONDENCE_ENTITY = 'escalation_correspondence';
const iso = (d: Date | null) => d?.toISOString() ?? null;

function summaryOf(
  row: ComplaintRow,
  escalated: boolean,
  viewer: Viewer,
  cipher: PersonalDataCipher,
): ComplaintSummary {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as ComplaintStatus,
    channel: row.channel as ComplaintSummary['channel'],
    category: row.category,
    regime: row.regime as ComplaintSummary['regime'],
    receivedAt: row.received_at.toISOString(),
    nextDeadlineAt: iso(row.next_deadline_at),
    ...(viewer.personalData ? { complainantName: cipher.open(row.complainant_name_enc) } : {}),
    escalated,
  };
}

/** A timestamp from a JSON array (an ISO string with an offset) as a Date. */
const dateOf = (value: string | Date) => new Date(value);

/** Everything the complaint page shows, in one query, read in the caller's transaction when there is one. */
export async function loadComplaintView(
  ctx: ComplaintCtx,
  db: Db,
  id: string,
  viewer: Viewer,
  rules?: DeadlineRules,
): Promise<ComplaintView> {
  const [row, loadedRules] = await Promise.all([
    findComplaintWithLists(db, id),
    rules ? Promise.resolve(rules) : loadDeadlineRules(db),
  ]);
  if (!row) throw notFound('Complaint');
  const cipher = personalDataCipher(ctx.config.secretKey);
  const personal = viewer.personalData;
  const escalations = row.escalations.map((e) => ({
    ...e,
    update_due_at: dateOf(e.update_due_at),
    regulator_deadline_at: e.regulator_deadline_at === null ? null : dateOf(e.regulator_deadline_at),
    closed_at: e.closed_at === null ? null : dateOf(e.closed_at),
  }));
  const escalationViews: EscalationView[] = escalations.map((e) => ({
    id: e.id,
    regulatorId: e.regulator_id,
    regulatorName: e.regulator_name,
    regulatorShortName: e.regulator_short_name,
    regulatorCountry: e.regulator_country,
    openedAt: dateOf(e.opened_at).toISOString(),
    regulatorReference: e.regulator_reference,
    ...(personal ? { sentSummary: e.sent_summary } : {}),
    regulatorDeadlineAt: iso(e.regulator_deadline_at),
    updateDueAt: e.update_due_at.toISOString(),
    outcome: e.outcome as EscalationView['outcome'],
    closedAt: iso(e.closed_at),
    correspondence: e.correspondence.map((c) => ({
      id: c.id,
      occurredAt: dateOf(c.occurred_at).toISOString(),
      direction: c.direction as 'in' | 'out',
      ...(personal ? { summary: c.summary } : {}),
      attachments: personal ? c.attachments.map(toAttachmentView) : [],
    })),
    version: e.version,
  }));
  const attachments: AttachmentView[] = personal ? row.attachments.map(toAttachmentView) : [];
  const clocks = complaintClocks(row, escalations, loadedRules, ctx.clock.now()).map(
    ({ actionable: _a, ...clock }) => clock,
  );
  // Object.assign rather than spreads into one literal (see loadView of legal requests: V8 makes that slow).
  return Object.assign(
    summaryOf(row, escalations.length > 0, viewer, cipher),
    personal
      ? {
          complainant: {
            name: cipher.open(row.complainant_name_enc),
            email: cipher.open(row.complainant_email_enc),
            phone: cipher.open(row.complainant_phone_enc),
            postalAddress: cipher.open(row.complainant_address_enc),
          },
          summary: row.summary,
        }
      : {},
    {
      acknowledgedAt: iso(row.acknowledged_at),
      responseDueAt: row.response_due_at.toISOString(),
      extension:
        row.extension_told_at && row.extension_reason
          ? { reason: row.extension_reason, complainantToldAt: row.extension_told_at.toISOString() }
          : null,
      resolution:
        row.outcome && row.final_response_sent_at
          ? {
              outcome: row.outcome as NonNullable<ComplaintView['resolution']>['outcome'],
              finalResponseSentAt: row.final_response_sent_at.toISOString(),
              ...(personal ? { finalResponseSummary: row.final_response_summary ?? '' } : {}),
              toldOfRegulatorRight: row.told_of_regulator_right ?? false,
            }
          : null,
      closedAt: iso(row.closed_at),
      personalDataErasedAt: iso(row.personal_data_erased_at),
      legalRequests: row.legal_requests,
      contacts: row.contacts.map((c) => ({
        id: c.id,
        occurredAt: dateOf(c.occurred_at).toISOString(),
        direction: c.direction as 'in' | 'out',
        channel: c.channel as ComplaintView['contacts'][number]['channel'],
        ...(personal ? { summary: c.summary } : {}),
      })),
      escalations: escalationViews,
      attachments,
      clocks,
      allowedTransitions: [...complaintTransitions[row.status as ComplaintStatus]],
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    },
  );
}

export async function getComplaint(ctx: ComplaintCtx, id: string, viewer: Viewer) {
  return loadComplaintView(ctx, ctx.db, id, viewer, await cachedDeadlineRules(ctx.db));
}

async function assertLegalRequests(db: Db, ids: string[]) {
  const found = new Set(await existingLegalRequests(db, ids));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    throw new AppError('validation_failed', `legalRequestIds.${missing}: No such legal request`, {
      issues: [{ path: `legalRequestIds.${missing}`, message: 'No such legal request' }],
    });
  }
}

async function assertCategory(db: Db, code: string) {
  const row = await db.selectFrom('complaint_categories').select('code').where('code', '=', code).executeTakeFirst();
  if (!row) {
    throw new AppError('validation_failed', 'category: No such category', {
      issues: [{ path: 'category', message: 'No such category' }],
    });
  }
}

/** Recomputes the queue deadline of a complaint from its row and escalations. */
async function refreshDeadline(ctx: ComplaintCtx, trx: Transaction<Database>, id: string, rules: DeadlineRules) {
  const row = await findComplaint(trx, id);
  if (!row) return;
  const escalations = await listEscalations(trx, id);
  const next = nextComplaintDeadline(complaintClocks(row, escalations, rules, ctx.clock.now()));
  await trx.updateTable('complaints').set({ next_deadline_at: next }).where('id', '=', id).execute();
}

type CreateInput = z.output<typeof createComplaintSchema>;

export async function createComplaint(ctx: ComplaintCtx, trx: Transaction<Database>, actor: Actor, input: CreateInput) {
  await assertCategory(trx, input.category);
  const links = [...new Set(input.legalRequestIds)];
  await assertLegalRequests(trx, links);
  const rules = await loadDeadlineRules(trx);
  const cipher = personalDataCipher(ctx.config.secretKey);
  const receivedAt = new Date(input.receivedAt);
  const year = receivedAt.getUTCFullYear();
  const reference = `CP-${year}-${String(await nextReferenceNumber(trx, 'CP', year)).padStart(5, '0')}`;
  const row = await trx
    .insertInto('complaints')
    .values({
      reference,
      channel: input.channel,
      received_at: receivedAt,
      complainant_name_enc: cipher.seal(input.complainant.name),
      complainant_email_enc: cipher.seal(input.complainant.email),
      complainant_phone_enc: cipher.seal(input.complainant.phone),
      complainant_address_enc: cipher.seal(input.complainant.postalAddress),
      complainant_email_index: cipher.emailIndex(input.complainant.email),
      category: input.category,
      regime: input.regime,
      summary: input.summary,
      response_due_at: responseDue(rules, input.regime, receivedAt),
      created_by: actor.userId,
      updated_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceLinks(trx, row.id, links);
  await refreshDeadline(ctx, trx, row.id, rules);
  await recordAudit(trx, ctx.clock, actor, {
    action: 'complaint.created',
    entityType: ENTITY,
    entityId: row.id,
    changes: {
      reference,
      channel: input.channel,
      category: input.category,
      regime: input.regime,
      legalRequestIds: links,
    },
  });
  return loadComplaintView(ctx, trx, row.id, { personalData: true }, rules);
}

export async function listComplaints(ctx: ComplaintCtx, query: ComplaintQueueQuery, viewer: Viewer) {
  if (query.email && !viewer.personalData)
    throw new AppError('forbidden', 'Your role may not look complainants up by their personal data');
  const cipher = personalDataCipher(ctx.config.secretKey);
  const rows = await complaintQueue(ctx.db, {
    ...query,
    now: ctx.clock.now(),
    emailIndex: cipher.emailIndex(query.email) ?? undefined,
    after: decodeCursor(query.after, query.sort),
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    complaints: page.map((r) => summaryOf(r, Boolean(r.escalated_any), viewer, cipher)),
    nextAfter: rows.length > query.limit && last ? encodeCursor(last, query.sort) : null,
  };
}

/**
 * Every complaint of a filtered list, one keyset page at a time, for CSV export. Never with the
 * complainant's personal data, whoever asks: an export file travels further than a screen.
 */
export async function* exportComplaints(
  ctx: ComplaintCtx,
  query: ComplaintExportQuery,
): AsyncGenerator<ComplaintSummary[]> {
  const cipher = personalDataCipher(ctx.config.secretKey);
  const now = ctx.clock.now();
  let after: Cursor | undefined;
  for (;;) {
    const rows = await complaintQueue(ctx.db, { ...query, now, after, limit: EXPORT_PAGE });
    const page = rows.slice(0, EXPORT_PAGE);
    yield page.map((r) => summaryOf(r, Boolean(r.escalated_any), { personalData: false }, cipher));
    const last = page[page.length - 1];
    if (rows.length <= EXPORT_PAGE || !last) return;
    after = cursorAfter(last, query.sort);
  }
}

interface Change {
  changes: Updateable<Database['complaints']>;
  action: string;
  audit?: Record<string, unknown>;
}

/** Lock, refuse a stale version, apply, refresh the deadline, audit, answer with the fresh complaint. */
async function mutate(
  ctx: ComplaintCtx,
  actor: Actor,
  id: string,
  version: number | null,
  change: (trx: Transaction<Database>, row: ComplaintRow, rules: DeadlineRules) => Promise<Change>,
): Promise<ComplaintView> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockComplaint(trx, id);
    if (!row) throw notFound('Complaint');
    if (version !== null && row.version !== version) throw versionConflict('This complaint');
    const rules = await loadDeadlineRules(trx);
    const { changes, action, audit } = await change(trx, row, rules);
    await trx
      .updateTable('complaints')
      .set((eb) => ({ ...changes, updated_at: ctx.clock.now(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await refreshDeadline(ctx, trx, id, rules);
    const to = changes.status;
    await recordAudit(trx, ctx.clock, actor, {
      action,
      entityType: ENTITY,
      entityId: id,
      changes: { ...audit, ...(to && to !== row.status ? { status: { from: row.status, to } } : {}) },
    });
    return loadComplaintView(ctx, trx, id, { personalData: true }, rules);
  });
}

function assertMove(from: string, to: ComplaintStatus) {
  const allowed = complaintTransitions[from as ComplaintStatus] ?? [];
  if (!allowed.includes(to)) {
    throw new AppError(
      'invalid_transition',
      `A complaint that is ${from} cannot move to ${to}. Allowed: ${allowed.join(', ') || 'none'}`,
      {
        allowed: [...allowed],
      },
    );
  }
}

const assertOpen = (row: ComplaintRow) => {
  if (row.status === 'closed') throw new AppError('conflict', 'This complaint is closed');
};

export async function updateComplaint(
  ctx: ComplaintCtx,
  actor: Actor,
  id: string,
  input: z.output<typeof updateComplaintSchema>,
) {
  return mutate(ctx, actor, id, input.version, async (trx, row) => {
    assertOpen(row);
    if (row.personal_data_erased_at)
      throw new AppError('conflict', 'This complaint’s personal data was erased under the retention rule');
    const cipher = personalDataCipher(ctx.config.secretKey);
    const changes: Updateable<Database['complaints']> = {};
    const fields: string[] = [];
    const c = input.complainant;
    if (c?.name !== undefined) changes.complainant_name_enc = cipher.seal(c.name);
    if (c?.email !== undefined) {
      changes.complainant_email_enc = cipher.seal(c.email);
      changes.complainant_email_index = cipher.emailIndex(c.email);
    }
    if (c?.phone !== undefined) changes.complainant_phone_enc = cipher.seal(c.phone);
    if (c?.postalAddress !== undefined) changes.complainant_address_enc = cipher.seal(c.postalAddress);
    if (c) fields.push(...Object.keys(c).map((k) => `complainant.${k}`));
    if (input.category !== undefined && input.category !== row.category) {
      await assertCategory(trx, input.category);
      changes.category = input.category;
      fields.push('category');
    }
    if (input.summary !== undefined && input.summary !== row.summary) {
      changes.summary = input.summary;
      fields.push('summary');
    }
    if (input.legalRequestIds) {
      const links = [...new Set(input.legalRequestIds)];
      await assertLegalRequests(trx, links);
      await replaceLinks(trx, id, links);
      fields.push('legalRequestIds');
    }
    return {
      changes,
      action: 'complaint.updated',
      audit: { fields, ...(input.legalRequestIds ? { legalRequestIds: input.legalRequestIds } : {}) },
    };
  });
}

export async function transitionComplaint(
  ctx: ComplaintCtx,
  actor: Actor,
  id: string,
  input: { version: number; to: ComplaintStatus },
) {
  if (input.to === 'closed') return closeComplaint(ctx, actor, id, input.version);
  return mutate(ctx, actor, id, input.version, async (_trx, row) => {
    assertMove(row.status, input.to);
    const allowed = { allowed: [...complaintTransitions[row.status as ComplaintStatus]] };
    if (input.to === 'resolved')
      throw new AppError('invalid_transition', 'To resolve, record the resolution instead', allowed);
    if (input.to === 'escalated')
      throw new AppError('invalid_transition', 'To escalate, open an escalation to a regulator instead', allowed);
    const changes: Updateable<Database['complaints']> = { status: input.to };
    if (input.to === 'acknowledged') changes.acknowledged_at = ctx.clock.now();
    return { changes, action: 'complaint.transitioned' };
  });
}

export async function addContact(
  ctx: ComplaintCtx,
  actor: Actor,
  id: string,
  input: { occurredAt: string; direction: 'in' | 'out'; channel: string; summary: string },
) {
  return mutate(ctx, actor, id, null, async (trx, row) => {
    if (row.personal_data_erased_at)
      throw new AppError('conflict', 'This complaint’s personal data was erased under the retention rule');
    const occurredAt = new Date(input.occurredAt);
    if (occurredAt < row.received_at) {
      throw new AppError('validation_failed', 'occurredAt: The contact is dated before the complaint was received', {
        issues: [{ path: 'occurredAt', message: 'The contact is dated before the complaint was received' }],
      });
    }
    const contact = await trx
      .insertInto('complaint_contacts')
      .values({
        complaint_id: id,
        occurred_at: occurredAt,
        direction: input.direction,
        channel: input.channel,
        summary: input.summary,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The first contact clock is met by reaching out to the complainant.
    const firstContact =
      input.direction === 'out' && (row.first_contact_at === null || occurredAt < row.first_contact_at)
        ? occurredAt
        : undefined;
    return {
      changes: firstContact ? { first_contact_at: firstContact } : {},
      action: 'complaint.contact_logged',
      audit: { contactId: contact.id, direction: input.direction, channel: input.channel },
    };
  });
}

export async function extendComplaint(
  ctx: ComplaintCtx,
  actor: Actor,
  id: string,
  input: { version: number; reason: string; complainantToldAt: string },
) {
  return mutate(ctx, actor, id, input.version, async (_trx, row, rules) => {
    assertOpen(row);
    if (row.regime !== 'gdpr') throw new AppError('conflict', 'Only GDPR complaints can be extended (Art. 12(3))');
    if (row.extension_told_at) throw new AppError('conflict', 'This complaint was already extended');
    if (row.resolved_at) throw new AppError('conflict', 'This complaint is already resolved');
    const toldAt = new Date(input.complainantToldAt);
    const window = rules.add('complaint.gdpr.extension_notice', row.received_at);
    if (toldAt > window) {
      throw new AppError(
        'validation_failed',
        `complainantToldAt: The complainant must be told within the first month (by ${window.toISOString().slice(0, 10)})`,
        {
          issues: [
            {
              path: 'complainantToldAt',
              message: `The complainant must be told within the first month (by ${window.toISOString().slice(0, 10)})`,
            },
          ],
        },
      );
    }
    if (toldAt < row.received_at) {
      throw new AppError('validation_failed', 'complainantToldAt: This is before the complaint was received', {
        issues: [{ path: 'complainantToldAt', message: 'This is before the complaint was received' }],
      });
    }
    const extended = rules.add('complaint.gdpr.extension', row.response_due_at);
    return {
      changes: { extension_reason: input.reason, extension_told_at: toldAt, response_due_at: extended },
      action: 'complaint.extended',
      audit: { responseDueAt: { from: row.response_due_at.toISOString(), to: extended.toISOString() } },
    };
  });
}

export async function resolveComplaint(
  ctx: ComplaintCtx,
  actor: Actor,
  id: string,
  input: z.output<typeof resolveComplaintSchema>,
) {
  return mutate(ctx, actor, id, input.version, async (_trx, row) => {
    assertMove(row.status, 'resolved');
    return {
      changes: {
        status: 'resolved',
        outcome: input.outcome,
        final_response_sent_at: new Date(input.finalResponseSentAt),
        final_response_summary: input.finalResponseSummary,
        told_of_regulator_right: input.toldOfRegulatorRight,
        resolved_at: ctx.clock.now(),
      },
      action: 'complaint.resolved',
      audit: { outcome: input.outcome, toldOfRegulatorRight: input.toldOfRegulatorRight },
    };
  });
}

export async function closeComplaint(ctx: ComplaintCtx, actor: Actor, id: string, version: number) {
  return mutate(ctx, actor, id, version, async (trx, row) => {
    assertMove(row.status, 'closed');
    if (row.status === 'escalated') {
      const open = await trx
        .selectFrom('escalations')
        .select('id')
        .where('complaint_id', '=', id)
        .where('closed_at', 'is', null)
        .execute();
      if (open.length) throw new AppError('conflict', `Close the ${open.length} open escalation(s) first`);
    }
    return { changes: { status: 'closed', closed_at: ctx.clock.now() }, action: 'complaint.transitioned' };
  });
}

export async function openEscalation(
  ctx: ComplaintCtx,
  actor: Actor,
  id: string,
  input: {
    version: number;
    regulatorId: string;
    openedAt: string;
    regulatorReference?: string | null | undefined;
    sentSummary: string;
    regulatorDeadlineAt?: string | null | undefined;
  },
) {
  return mutate(ctx, actor, id, input.version, async (trx, row, rules) => {
    if (row.status !== 'escalated') assertMove(row.status, 'escalated');
    const regulator = await trx
      .selectFrom('regulators')
      .select(['id', 'active'])
      .where('id', '=', input.regulatorId)
      .executeTakeFirst();
    if (!regulator?.active) {
      throw new AppError('validation_failed', 'regulatorId: Choose an active regulator from the registry', {
        issues: [{ path: 'regulatorId', message: 'Choose an active regulator from the registry' }],
      });
    }
    const openedAt = new Date(input.openedAt);
    const escalation = await trx
      .insertInto('escalations')
      .values({
        complaint_id: id,
        regulator_id: input.regulatorId,
        opened_at: openedAt,
        regulator_reference: input.regulatorReference ?? null,
        sent_summary: input.sentSummary,
        regulator_deadline_at: input.regulatorDeadlineAt ? new Date(input.regulatorDeadlineAt) : null,
        update_due_at: rules.add('escalation.update', openedAt),
        created_by: actor.userId,
        updated_at: ctx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      changes: { status: 'escalated' },
      action: 'complaint.escalated',
      audit: { escalationId: escalation.id, regulatorId: input.regulatorId },
    };
  });
}

async function escalationOf(trx: Transaction<Database>, complaintId: string, escalationId: string) {
  const e = await trx
    .selectFrom('escalations')
    .selectAll()
    .where('id', '=', escalationId)
    .where('complaint_id', '=', complaintId)
    .forUpdate()
    .executeTakeFirst();
  if (!e) throw notFound('Escalation');
  return e;
}

export async function updateEscalation(
  ctx: ComplaintCtx,
  actor: Actor,
  id: string,
  escalationId: string,
  input: {
    version: number;
    regulatorReference?: string | null | undefined;
    regulatorDeadlineAt?: string | null | undefined;
  },
) {
  return mutate(ctx, actor, id, null, async (trx) => {
    const e = await escalationOf(trx, id, escalationId);
    if (e.version !== input.version) throw versionConflict('This escalation');
    if (e.closed_at) throw new AppError('conflict', 'This escalation is closed');
    await trx
      .updateTable('escalations')
      .set((eb) => ({
        regulator_reference: input.regulatorReference === undefined ? e.regulator_reference : input.regulatorReference,
        regulator_deadline_at:
          input.regulatorDeadlineAt === undefined
            ? e.regulator_deadline_at
            : input.regulatorDeadlineAt
              ? new Date(input.regulatorDeadlineAt)
              : null,
        updated_at: ctx.clock.now(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', escalationId)
      .execute();
    return { changes: {}, action: 'escalation.updated', audit: { escalationId } };
  });
}

export async function addCorrespondence(
  ctx: ComplaintCtx,
  actor: Actor,
  id: string,
  escalationId: string,
  input: { occurredAt: string; direction: 'in' | 'out'; summary: string },
) {
  return mutate(ctx, actor, id, null, async (trx, _row, rules) => {
    const e = await escalationOf(trx, id, escalationId);
    const entry = await trx
      .insertInto('escalation_correspondence')
      .values({
        escalation_id: e.id,
        occurred_at: new Date(input.occurredAt),
        direction: input.direction,
        summary: input.summary,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A letter from or to the regulator restarts its three-month update clock.
    const updateDue = rules.add('escalation.update', new Date(input.occurredAt));
    await trx
      .updateTable('escalations')
      .set({ update_due_at: updateDue })
      .where('id', '=', e.id)
      .where('update_due_at', '<', updateDue)
      .execute();
    return {
      changes: {},
      action: 'escalation.correspondence_logged',
      audit: { escalationId, correspondenceId: entry.id, direction: input.direction },
    };
  });
}

export async function closeEscalation(
  ctx: ComplaintCtx,
  actor: Actor,
  id: string,
  escalationId: string,
  input: { version: number; outcome: string; closedAt: string },
) {
  return mutate(ctx, actor, id, null, async (trx) => {
    const e = await escalationOf(trx, id, escalationId);
    if (e.version !== input.version) throw versionConflict('This escalation');
    if (e.closed_at) throw new AppError('conflict', 'This escalation is already closed');
    await trx
      .updateTable('escalations')
      .set((eb) => ({
        outcome: input.outcome,
        closed_at: new Date(input.closedAt),
        updated_at: ctx.clock.now(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', escalationId)
      .execute();
    return { changes: {}, action: 'escalation.closed', audit: { escalationId, outcome: input.outcome } };
  });
}

/** The attachment belongs to this complaint or to one of its escalations' correspondence. */
export async function attachmentOwner(db: Db, complaintId: string, attachmentId: string) {
  return db
    .selectFrom('attachments as a')
    .selectAll('a')
    .where('a.id', '=', attachmentId)
    .where((eb) =>
      eb.or([
        eb.and([eb('a.entity_type', '=', ENTITY), eb('a.entity_id', '=', complaintId)]),
        eb.and([
          eb('a.entity_type', '=', CORRESPONDENCE_ENTITY),
          eb(
            'a.entity_id',
            'in',
            eb
              .selectFrom('escalation_correspondence as c')
              .innerJoin('escalations as e', 'e.id', 'c.escalation_id')
              .select('c.id')
              .where('e.complaint_id', '=', complaintId),
          ),
        ]),
      ]),
    )
    .executeTakeFirst();
}

export async function assertCorrespondence(
  db: Db,
  complaintId: string,
  escalationId: string,
  correspondenceId: string,
) {
  const row = await db
    .selectFrom('escalation_correspondence as c')
    .innerJoin('escalations as e', 'e.id', 'c.escalation_id')
    .select('c.id')
    .where('c.id', '=', correspondenceId)
    .where('e.id', '=', escalationId)
    .where('e.complaint_id', '=', complaintId)
    .executeTakeFirst();
  if (!row) throw notFound('Correspondence');
}
