import { z } from 'zod';
import { listCommonShape, receivedRangeIsOrdered, receivedRangeIssue } from './lists.schemas';

// ---- Vocabulary (DESIGN.md) -------------------------------------------------------------------

export const processTypes = [
  'subpoena',
  'court_order',
  'search_warrant',
  'emergency',
  'preservation',
  'national_security',
  'mlat',
  'other',
] as const;
export const processTypeSchema = z.enum(processTypes, { error: 'Choose a process type' });
export type ProcessType = z.infer<typeof processTypeSchema>;

export const processTypeLabels: Record<ProcessType, string> = {
  subpoena: 'Subpoena',
  court_order: 'Court order',
  search_warrant: 'Search warrant',
  emergency: 'Emergency disclosure',
  preservation: 'Preservation',
  national_security: 'National security',
  mlat: 'MLAT / international',
  other: 'Other',
};

/** Ordered from least to most intrusive: the ladder. */
export const dataCategories = ['subscriber', 'non_content', 'content'] as const;
export const dataCategorySchema = z.enum(dataCategories, { error: 'Choose subscriber, non_content or content' });
export type DataCategory = z.infer<typeof dataCategorySchema>;

export const dataCategoryLabels: Record<DataCategory, string> = {
  subscriber: 'Subscriber information',
  non_content: 'Non-content records (logs, metadata)',
  content: 'Content (messages, files)',
};

export const identifierKinds = ['account', 'email', 'phone', 'ip_address', 'device', 'other'] as const;
export const identifierKindSchema = z.enum(identifierKinds, { error: 'Choose an identifier kind' });
export type IdentifierKind = z.infer<typeof identifierKindSchema>;

export const identifierOutcomes = ['produced', 'partial', 'none', 'not_found'] as const;
export const identifierOutcomeSchema = z.enum(identifierOutcomes, {
  error: 'Choose produced, partial, none or not_found',
});
export type IdentifierOutcome = z.infer<typeof identifierOutcomeSchema>;

export const legalRequestStatuses = [
  'received',
  'in_review',
  'pushback',
  'decided',
  'responded',
  'closed',
  'withdrawn',
  'rejected',
] as const;
export const legalRequestStatusSchema = z.enum(legalRequestStatuses);
export type LegalRequestStatus = z.infer<typeof legalRequestStatusSchema>;

/** The statuses a request ends in: no clock runs, nothing more is owed but a user notice decided earlier. */
export const endedStatuses = ['closed', 'withdrawn', 'rejected'] as const satisfies readonly LegalRequestStatus[];
const ended: ReadonlySet<string> = new Set(endedStatuses);
export const isEnded = (status: string) => ended.has(status);

export const statusLabels: Record<LegalRequestStatus, string> = {
  received: 'Received',
  in_review: 'In review',
  pushback: 'Pushback',
  decided: 'Decided',
  responded: 'Responded',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
  rejected: 'Rejected',
};

/** The workflow: which status may follow which. The server refuses every other move. */
export const transitions: Record<LegalRequestStatus, readonly LegalRequestStatus[]> = {
  received: ['in_review', 'withdrawn', 'rejected'],
  in_review: ['pushback', 'decided', 'withdrawn', 'rejected'],
  pushback: ['in_review', 'withdrawn', 'rejected'],
  decided: ['responded', 'in_review'],
  responded: ['closed'],
  closed: [],
  withdrawn: [],
  rejected: [],
};

/** Moves that must say why. */
export const transitionsNeedingReason: readonly `${LegalRequestStatus}->${LegalRequestStatus}`[] = [
  'received->withdrawn',
  'received->rejected',
  'in_review->withdrawn',
  'in_review->rejected',
  'pushback->withdrawn',
  'pushback->rejected',
  'decided->in_review',
];

export const pushbackGrounds = [
  'overbroad',
  'wrong_process',
  'no_jurisdiction',
  'wrong_entity',
  'insufficient_basis',
  'defective_service',
  'other',
] as const;
export const pushbackGroundSchema = z.enum(pushbackGrounds, { error: 'Choose a ground for pushback' });
export type PushbackGround = z.infer<typeof pushbackGroundSchema>;

export const pushbackOutcomes = ['pending', 'withdrawn', 'narrowed', 'upheld'] as const;
export const pushbackOutcomeSchema = z.enum(pushbackOutcomes, {
  error: 'Choose pending, withdrawn, narrowed or upheld',
});
export type PushbackOutcome = z.infer<typeof pushbackOutcomeSchema>;

export const dispositions = ['produced', 'partial', 'none', 'rejected'] as const;
export const dispositionSchema = z.enum(dispositions, { error: 'Choose produced, partial, none or rejected' });
export type Disposition = z.infer<typeof dispositionSchema>;

export const noticeDecisions = ['notify', 'delay', 'do_not_notify'] as const;
export const noticeDecisionSchema = z.enum(noticeDecisions, { error: 'Choose notify, delay or do_not_notify' });
export type NoticeDecision = z.infer<typeof noticeDecisionSchema>;

export const nondisclosureKinds = ['none', 'until', 'indefinite'] as const;
export const nondisclosureKindSchema = z.enum(nondisclosureKinds);

export const agencyKinds = [
  'law_enforcement',
  'court',
  'prosecutor',
  'regulator',
  'intelligence',
  'foreign_government',
  'other',
] as const;
export const agencyKindSchema = z.enum(agencyKinds, { error: 'Choose the kind of agency' });

export const verificationMethods = [
  'callback_known_number',
  'known_email_domain',
  'official_portal',
  'in_person',
  'other',
] as const;
export const verificationMethodSchema = z.enum(verificationMethods, { error: 'Choose how the sender was verified' });

export const responseMethods = ['secure_portal', 'encrypted_email', 'physical_media', 'other'] as const;
export const responseMethodSchema = z.enum(responseMethods, { error: 'Choose how the response was sent' });

export const attachmentKinds = ['legal_process', 'correspondence', 'production', 'other'] as const;
export const attachmentKindSchema = z.enum(attachmentKinds, {
  error: 'Choose legal_process, correspondence, production or other',
});
export type AttachmentKind = z.infer<typeof attachmentKindSchema>;

// ---- The process ladder ---------------------------------------------------------------------

/** The most a process type reaches: a subpoena subscriber data, a court order non-content, a warrant content. */
export const ladderReach: Partial<Record<ProcessType, DataCategory>> = {
  subpoena: 'subscriber',
  court_order: 'non_content',
  search_warrant: 'content',
};

/** Categories asked for that the process type does not reach; empty when the request is within its process. */
export function ladderExcess(processType: ProcessType, categories: readonly DataCategory[]): DataCategory[] {
  const reach = ladderReach[processType];
  if (!reach) return [];
  const max = dataCategories.indexOf(reach);
  return categories.filter((c) => dataCategories.indexOf(c) > max);
}

// ---- Inputs ---------------------------------------------------------------------------------

const countrySchema = z
  .string({ error: 'Country is required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'Use a two-letter ISO 3166-1 country code, such as US or DE' });

const isoDateTime = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be a date and time, such as 2026-03-01T09:00:00Z` });
const isoDate = (label: string) => z.iso.date({ error: `${label} must be a date, such as 2026-03-01` });

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be at most ${max} characters` });

export const identifierInputSchema = z.strictObject({
  kind: identifierKindSchema,
  value: text('Identifier', 320),
});

export const nondisclosureSchema = z
  .strictObject({
    kind: nondisclosureKindSchema,
    until: isoDate('Nondisclosure end').nullish(),
    statute: z.string().trim().max(300).nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'until' && !value.until) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'Give the date the nondisclosure order ends' });
    }
    if (value.kind !== 'until' && value.until) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'Only an order that ends on a date has an end date' });
    }
    if (value.kind !== 'none' && !value.statute) {
      ctx.addIssue({ code: 'custom', path: ['statute'], message: 'Name the statute behind the nondisclosure order' });
    }
  });
export type NondisclosureInput = z.input<typeof nondisclosureSchema>;

const dateRangeRefinement = (
  value: { dateRangeStart?: string | null; dateRangeEnd?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (value.dateRangeStart && value.dateRangeEnd && value.dateRangeStart > value.dateRangeEnd) {
    ctx.addIssue({ code: 'custom', path: ['dateRangeEnd'], message: 'The date range ends before it starts' });
  }
};

export const createLegalRequestSchema = z
  .strictObject({
    processType: processTypeSchema,
    agencyId: z.uuid({ error: 'Choose the requesting agency' }),
    country: countrySchema,
    receivedAt: isoDateTime('Received at'),
    /** Leave empty to compute it from the deadline rule of the process type. */
    dueAt: isoDateTime('Due at').nullish(),
    emergency: z.boolean().default(false),
    summary: text('Summary', 5000),
    identifiers: z
      .array(identifierInputSchema)
      .min(1, { error: 'Add at least one identifier the request names' })
      .max(500),
    dataCategories: z.array(dataCategorySchema).max(3).default([]),
    dateRangeStart: isoDate('Date range start').nullish(),
    dateRangeEnd: isoDate('Date range end').nullish(),
    nondisclosure: nondisclosureSchema.default({ kind: 'none' }),
    assigneeId: z.uuid({ error: 'Choose a person' }).nullish(),
    /** The requesting agency's own case number; one request per agency and number. */
    externalReference: z
      .string()
      .trim()
      .min(1, { error: 'Agency reference may not be empty' })
      .max(200, { error: 'Agency reference must be at most 200 characters' })
      .nullish(),
  })
  .superRefine(dateRangeRefinement)
  .superRefine((value, ctx) => {
    if (value.processType !== 'preservation' && value.dataCategories.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['dataCategories'],
        message: 'Choose the data categories the request asks for',
      });
    }
    if (value.dueAt && value.dueAt < value.receivedAt) {
      ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'The due date is before the request was received' });
    }
  });
export type CreateLegalRequestInput = z.input<typeof createLegalRequestSchema>;

/** Edits of the intake details. Scope changes go through pushback (narrowing) so the original stays on record. */
export const updateLegalRequestSchema = z.strictObject({
  version: z.int({ error: 'Version is required' }).positive(),
  agencyId: z.uuid({ error: 'Choose the requesting agency' }).optional(),
  country: countrySchema.optional(),
  dueAt: isoDateTime('Due at').nullish(),
  emergency: z.boolean().optional(),
  summary: text('Summary', 5000).optional(),
  nondisclosure: nondisclosureSchema.optional(),
  assigneeId: z.uuid({ error: 'Choose a person' }).nullish(),
});
export type UpdateLegalRequestInput = z.input<typeof updateLegalRequestSchema>;

export const transitionSchema = z.strictObject({
  version: z.int({ error: 'Version is required' }).positive(),
  to: legalRequestStatusSchema,
  reason: z.string().trim().max(2000).optional(),
});
export type TransitionInput = z.input<typeof transitionSchema>;

export const noteKinds = ['scope', 'review'] as const;
export const addNoteSchema = z.strictObject({
  kind: z.enum(noteKinds, { error: 'Choose scope or review' }),
  body: text('Note', 10000),
});
export type AddNoteInput = z.input<typeof addNoteSchema>;

export const openPushbackSchema = z.strictObject({
  version: z.int({ error: 'Version is required' }).positive(),
  grounds: z.array(pushbackGroundSchema).min(1, { error: 'Choose at least one ground' }),
  asked: text('What was asked', 5000),
  proposed: text('What we propose', 5000),
});
export type OpenPushbackInput = z.input<typeof openPushbackSchema>;

/** The requester's answer and how the pushback ended; `narrowed` may carry the request's new scope. */
export const resolvePushbackSchema = z
  .strictObject({
    version: z.int({ error: 'Version is required' }).positive(),
    requesterReply: text('Requester reply', 5000),
    outcome: pushbackOutcomeSchema,
    narrowedScope: z
      .strictObject({
        dataCategories: z.array(dataCategorySchema).max(3),
        dateRangeStart: isoDate('Date range start').nullish(),
        dateRangeEnd: isoDate('Date range end').nullish(),
        /** Identifier ids that stay in scope; the others are marked out of scope. */
        identifierIds: z.array(z.uuid()).min(1, { error: 'Keep at least one identifier in scope' }),
      })
      .superRefine(dateRangeRefinement)
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === 'narrowed' && !value.narrowedScope) {
      ctx.addIssue({ code: 'custom', path: ['narrowedScope'], message: 'Give the narrowed scope' });
    }
    if (value.outcome !== 'narrowed' && value.narrowedScope) {
      ctx.addIssue({ code: 'custom', path: ['narrowedScope'], message: 'Only a narrowed pushback changes the scope' });
    }
  });
export type ResolvePushbackInput = z.input<typeof resolvePushbackSchema>;

export const decisionSchema = z.strictObject({
  version: z.int({ error: 'Version is required' }).positive(),
  disposition: dispositionSchema,
  reason: text('Reason', 5000),
});
export type DecisionInput = z.input<typeof decisionSchema>;

export const responseSchema = z.strictObject({
  version: z.int({ error: 'Version is required' }).positive(),
  sentAt: isoDateTime('Sent at'),
  method: responseMethodSchema,
  producedCategories: z.array(dataCategorySchema).max(3),
  outcomes: z
    .array(z.strictObject({ identifierId: z.uuid(), outcome: identifierOutcomeSchema }))
    .min(1, { error: 'Give the outcome for each identifier' }),
  note: z.string().trim().max(5000).optional(),
});
export type ResponseInput = z.input<typeof responseSchema>;

export const noticeSchema = z
  .strictObject({
    version: z.int({ error: 'Version is required' }).positive(),
    decision: noticeDecisionSchema,
    reason: text('Reason', 5000),
    /** When the person was told (notify). */
    notifiedAt: isoDateTime('Notified at').nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.decision !== 'notify' && value.notifiedAt) {
      ctx.addIssue({ code: 'custom', path: ['notifiedAt'], message: 'Only a notice that was given has a date' });
    }
  });
export type NoticeInput = z.input<typeof noticeSchema>;

export const followUpSchema = z.strictObject({
  version: z.int({ error: 'Version is required' }).positive(),
  receivedAt: isoDateTime('Follow-up received at'),
  note: z.string().trim().max(2000).optional(),
});

export const extendPreservationSchema = z.strictObject({
  version: z.int({ error: 'Version is required' }).positive(),
});

export const queueViews = ['all', 'mine', 'unassigned', 'overdue', 'due_soon'] as const;
const csvList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item));

const queueQueryShape = z.strictObject({
  view: z.enum(queueViews).default('all'),
  status: csvList(legalRequestStatusSchema).optional(),
  processType: csvList(processTypeSchema).optional(),
  country: countrySchema.optional(),
  agencyId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  emergency: z.enum(['true', 'false']).optional(),
  /** A reference (or its start, e.g. LR-2026-0004) or an identifier the request names, matched exactly. */
  q: z.string().trim().min(1).max(320).optional(),
  ...listCommonShape,
  /** Opaque keyset cursor from the previous page. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const queueQuerySchema = queueQueryShape.refine(receivedRangeIsOrdered, receivedRangeIssue);
/** The same filters, for a CSV export of the whole filtered list. */
export const queueExportQuerySchema = queueQueryShape
  .omit({ after: true, limit: true })
  .refine(receivedRangeIsOrdered, receivedRangeIssue);
export type QueueExportQuery = z.output<typeof queueExportQuerySchema>;
export type QueueQuery = z.output<typeof queueQuerySchema>;

export const createAgencySchema = z.strictObject({
  name: text('Name', 300),
  kind: agencyKindSchema,
  country: countrySchema,
  contact: z.string().trim().max(1000).default(''),
  verificationMethod: verificationMethodSchema.nullish(),
  verifiedAt: isoDateTime('Verified at').nullish(),
});
export type CreateAgencyInput = z.input<typeof createAgencySchema>;

export const updateAgencySchema = createAgencySchema.partial().extend({
  version: z.int({ error: 'Version is required' }).positive(),
});
export type UpdateAgencyInput = z.input<typeof updateAgencySchema>;

export const idParamSchema = z.strictObject({ id: z.uuid({ error: 'Not a valid id' }) });
export const pushbackParamSchema = z.strictObject({
  id: z.uuid(),
  pushbackId: z.uuid({ error: 'Not a valid pushback id' }),
});
export const attachmentParamSchema = z.strictObject({
  id: z.uuid(),
  attachmentId: z.uuid({ error: 'Not a valid attachment id' }),
});
export const uploadQuerySchema = z.strictObject({
  kind: attachmentKindSchema,
  filename: text('File name', 255).refine(
    (v) => !v.includes('/') && !v.includes('\\') && !v.includes(String.fromCharCode(0)),
    {
      error: 'File name may not contain slashes',
    },
  ),
});

// ---- Views ----------------------------------------------------------------------------------

export interface AgencyView {
  id: string;
  name: string;
  kind: (typeof agencyKinds)[number];
  country: string;
  contact: string;
  verificationMethod: (typeof verificationMethods)[number] | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  version: number;
}

export interface IdentifierView {
  id: string;
  kind: IdentifierKind;
  value: string;
  inScope: boolean;
  outcome: IdentifierOutcome | null;
}

export interface Clock {
  kind: 'response_due' | 'preservation_expiry' | 'nondisclosure_expiry' | 'follow_up_due' | 'notice_due';
  label: string;
  dueAt: string;
  state: 'overdue' | 'due_soon' | 'pending' | 'met';
}

export interface NoteView {
  id: string;
  kind: (typeof noteKinds)[number];
  body: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}

export interface PushbackView {
  id: string;
  grounds: PushbackGround[];
  asked: string;
  proposed: string;
  requesterReply: string | null;
  outcome: PushbackOutcome;
  scopeBefore: ScopeView | null;
  scopeAfter: ScopeView | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface ScopeView {
  dataCategories: DataCategory[];
  dateRangeStart: string | null;
  dateRangeEnd: string | null;
  identifierIds: string[];
}

export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

export interface LegalRequestSummary {
  id: string;
  reference: string;
  status: LegalRequestStatus;
  processType: ProcessType;
  agencyName: string;
  country: string;
  receivedAt: string;
  dueAt: string | null;
  /** The earliest clock still running (response, preservation, follow-up, notice): what the queue sorts by. */
  nextDeadlineAt: string | null;
  emergency: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  identifierCount: number;
  ladderExceeded: boolean;
}

export interface LegalRequestView extends LegalRequestSummary {
  agencyId: string;
  /** The requesting agency's own case number, when known. */
  externalReference: string | null;
  summary: string;
  identifiers: IdentifierView[];
  dataCategories: DataCategory[];
  dateRangeStart: string | null;
  dateRangeEnd: string | null;
  originalScope: ScopeView;
  ladderExcess: DataCategory[];
  nondisclosure: { kind: (typeof nondisclosureKinds)[number]; until: string | null; statute: string | null };
  decision: { disposition: Disposition; reason: string; decidedAt: string } | null;
  response: {
    sentAt: string;
    method: (typeof responseMethods)[number];
    producedCategories: DataCategory[];
    note: string | null;
  } | null;
  notice: { decision: NoticeDecision; reason: string; decidedAt: string; notifiedAt: string | null } | null;
  preservation: { expiresAt: string; extended: boolean } | null;
  followUp: { dueAt: string; receivedAt: string | null } | null;
  clocks: Clock[];
  allowedTransitions: LegalRequestStatus[];
  notes: NoteView[];
  pushbacks: PushbackView[];
  attachments: AttachmentView[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface QueuePage {
  requests: LegalRequestSummary[];
  nextAfter: string | null;
}
