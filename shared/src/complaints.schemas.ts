import { z } from 'zod';
import { listCommonShape, receivedRangeIsOrdered, receivedRangeIssue } from './lists.schemas';

export const complaintChannels = ['letter', 'email', 'web_form', 'other'] as const;
export const complaintChannelSchema = z.enum(complaintChannels, { error: 'Choose letter, email, web_form or other' });

export const complaintStatuses = [
  'received',
  'acknowledged',
  'investigating',
  'resolved',
  'escalated',
  'closed',
] as const;
export const complaintStatusSchema = z.enum(complaintStatuses);
export type ComplaintStatus = z.infer<typeof complaintStatusSchema>;

export const complaintStatusLabels: Record<ComplaintStatus, string> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  investigating: 'Investigating',
  resolved: 'Resolved',
  escalated: 'Escalated',
  closed: 'Closed',
};

/** received → acknowledged → investigating → resolved | escalated → closed */
export const complaintTransitions: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  received: ['acknowledged'],
  acknowledged: ['investigating'],
  investigating: ['resolved', 'escalated'],
  resolved: ['closed'],
  escalated: ['closed'],
  closed: [],
};

export const regimes = ['gdpr', 'fca', 'default'] as const;
export const regimeSchema = z.enum(regimes, { error: 'Choose gdpr, fca or default' });
export type Regime = z.infer<typeof regimeSchema>;
export const regimeLabels: Record<Regime, string> = {
  gdpr: 'GDPR Art. 12(3): one month, extendable by two',
  fca: 'FCA DISP: eight weeks; summary resolution by the third business day',
  default: 'Default: 30 days',
};

export const complaintOutcomes = ['upheld', 'partly_upheld', 'not_upheld', 'withdrawn'] as const;
export const complaintOutcomeSchema = z.enum(complaintOutcomes, {
  error: 'Choose upheld, partly_upheld, not_upheld or withdrawn',
});
export type ComplaintOutcome = z.infer<typeof complaintOutcomeSchema>;

export const contactDirections = ['in', 'out'] as const;
export const contactChannels = ['letter', 'email', 'phone', 'web_form', 'in_person', 'other'] as const;

export const escalationOutcomes = ['resolved', 'no_action', 'order_issued', 'withdrawn'] as const;
export const escalationOutcomeSchema = z.enum(escalationOutcomes, {
  error: 'Choose resolved, no_action, order_issued or withdrawn',
});
export type EscalationOutcome = z.infer<typeof escalationOutcomeSchema>;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be at most ${max} characters` });
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` })
    .nullish();
const isoDateTime = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be a date and time, such as 2026-03-01T09:00:00Z` });
const version = z.int({ error: 'Version is required' }).positive();
const categoryCode = z
  .string({ error: 'Choose a category' })
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Category codes are lower-case letters, digits and _' });

export const complainantSchema = z.strictObject({
  name: text('Name', 200),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ error: 'Enter a valid email address' }))
    .transform((v) => v.toLowerCase())
    .nullish(),
  phone: optionalText('Phone', 50),
  postalAddress: optionalText('Postal address', 1000),
});

export const createComplaintSchema = z.strictObject({
  channel: complaintChannelSchema,
  receivedAt: isoDateTime('Received at'),
  complainant: complainantSchema,
  category: categoryCode,
  regime: regimeSchema.default('default'),
  summary: text('Summary', 10000),
  legalRequestIds: z
    .array(z.uuid({ error: 'Not a legal request id' }))
    .max(20)
    .default([]),
});
export type CreateComplaintInput = z.input<typeof createComplaintSchema>;

export const updateComplaintSchema = z.strictObject({
  version,
  complainant: complainantSchema.partial().optional(),
  category: categoryCode.optional(),
  summary: text('Summary', 10000).optional(),
  legalRequestIds: z
    .array(z.uuid({ error: 'Not a legal request id' }))
    .max(20)
    .optional(),
});
export type UpdateComplaintInput = z.input<typeof updateComplaintSchema>;

export const complaintTransitionSchema = z.strictObject({
  version,
  to: complaintStatusSchema,
  reason: z.string().trim().max(2000).optional(),
});

export const addContactSchema = z.strictObject({
  occurredAt: isoDateTime('Date'),
  direction: z.enum(contactDirections, { error: 'Choose in or out' }),
  channel: z.enum(contactChannels, { error: 'Choose how the contact happened' }),
  summary: text('Summary', 5000),
});
export type AddContactInput = z.input<typeof addContactSchema>;

/** GDPR only: two more months, if the complainant is told within the first month. */
export const extendComplaintSchema = z.strictObject({
  version,
  reason: text('Reason', 2000),
  complainantToldAt: isoDateTime('Complainant told at'),
});

export const resolveComplaintSchema = z.strictObject({
  version,
  outcome: complaintOutcomeSchema,
  finalResponseSentAt: isoDateTime('Final response sent at'),
  finalResponseSummary: text('Final response', 10000),
  toldOfRegulatorRight: z.boolean({
    error: 'Say whether the complainant was told of their right to go to the regulator',
  }),
});
export type ResolveComplaintInput = z.input<typeof resolveComplaintSchema>;

export const openEscalationSchema = z.strictObject({
  version,
  regulatorId: z.uuid({ error: 'Choose a regulator' }),
  openedAt: isoDateTime('Escalated on'),
  regulatorReference: optionalText('Regulator reference', 200),
  sentSummary: text('What was sent', 10000),
  regulatorDeadlineAt: isoDateTime('Regulator deadline').nullish(),
});
export type OpenEscalationInput = z.input<typeof openEscalationSchema>;

export const updateEscalationSchema = z.strictObject({
  version,
  regulatorReference: optionalText('Regulator reference', 200),
  regulatorDeadlineAt: isoDateTime('Regulator deadline').nullish(),
});

export const addCorrespondenceSchema = z.strictObject({
  occurredAt: isoDateTime('Date'),
  direction: z.enum(contactDirections, { error: 'Choose in or out' }),
  summary: text('Summary', 5000),
});

export const closeEscalationSchema = z.strictObject({
  version,
  outcome: escalationOutcomeSchema,
  closedAt: isoDateTime('Closed on'),
});

export const complaintQueueViews = ['all', 'open', 'overdue', 'due_soon'] as const;
const complaintQueueShape = z.strictObject({
  view: z.enum(complaintQueueViews).default('open'),
  status: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(complaintStatusSchema))
    .optional(),
  category: categoryCode.optional(),
  regulatorId: z.uuid().optional(),
  /** Find a complainant's complaints by email (matched on a keyed hash, never stored in clear). */
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ error: 'Enter a valid email address' }))
    .optional(),
  ...listCommonShape,
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const complaintQueueSchema = complaintQueueShape.refine(receivedRangeIsOrdered, receivedRangeIssue);
/** The same filters, for a CSV export of the whole filtered list (never with personal data). */
export const complaintExportQuerySchema = complaintQueueShape
  .omit({ after: true, limit: true, email: true })
  .refine(receivedRangeIsOrdered, receivedRangeIssue);
export type ComplaintExportQuery = z.output<typeof complaintExportQuerySchema>;
export type ComplaintQueueQuery = z.output<typeof complaintQueueSchema>;

export const createRegulatorSchema = z.strictObject({
  name: text('Name', 300),
  shortName: optionalText('Short name', 50),
  country: z
    .string({ error: 'Country is required' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: 'Use a two-letter ISO 3166-1 country code' }),
  website: z.url({ error: 'Enter the website as a URL' }).max(300).nullish(),
  kind: z
    .enum(['data_protection', 'financial', 'other'], { error: 'Choose the kind of regulator' })
    .default('data_protection'),
  active: z.boolean().default(true),
});
export type CreateRegulatorInput = z.input<typeof createRegulatorSchema>;
export const updateRegulatorSchema = createRegulatorSchema.partial().extend({ version });

export const createCategorySchema = z.strictObject({ code: categoryCode, label: text('Label', 100) });

export const retentionQuerySchema = z.strictObject({ dryRun: z.enum(['true', 'false']).default('true') });

// ---- Views ----------------------------------------------------------------------------------

export interface ComplainantView {
  name: string | null;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
}

export interface ComplaintClock {
  kind:
    | 'first_contact'
    | 'acknowledge'
    | 'response_due'
    | 'summary_resolution'
    | 'extension_notice'
    | 'escalation_update'
    | 'regulator_deadline';
  label: string;
  dueAt: string;
  state: 'overdue' | 'due_soon' | 'pending' | 'met';
}

export interface ComplaintSummary {
  id: string;
  reference: string;
  status: ComplaintStatus;
  channel: (typeof complaintChannels)[number];
  category: string;
  regime: Regime;
  receivedAt: string;
  nextDeadlineAt: string | null;
  /** Left out entirely for roles that may not see complainants' personal data. */
  complainantName?: string | null;
  escalated: boolean;
}

export interface ContactView {
  id: string;
  occurredAt: string;
  direction: (typeof contactDirections)[number];
  channel: (typeof contactChannels)[number];
  summary?: string;
}

export interface CorrespondenceView {
  id: string;
  occurredAt: string;
  direction: (typeof contactDirections)[number];
  summary?: string;
  attachments: import('./legal-requests.schemas').AttachmentView[];
}

export interface EscalationView {
  id: string;
  regulatorId: string;
  regulatorName: string;
  regulatorShortName: string | null;
  regulatorCountry: string;
  openedAt: string;
  regulatorReference: string | null;
  sentSummary?: string;
  regulatorDeadlineAt: string | null;
  updateDueAt: string;
  outcome: EscalationOutcome | null;
  closedAt: string | null;
  correspondence: CorrespondenceView[];
  version: number;
}

export interface ComplaintView extends ComplaintSummary {
  complainant?: ComplainantView;
  summary?: string;
  acknowledgedAt: string | null;
  responseDueAt: string;
  extension: { reason: string; complainantToldAt: string } | null;
  resolution: {
    outcome: ComplaintOutcome;
    finalResponseSentAt: string;
    finalResponseSummary?: string;
    toldOfRegulatorRight: boolean;
  } | null;
  closedAt: string | null;
  personalDataErasedAt: string | null;
  legalRequests: { id: string; reference: string }[];
  contacts: ContactView[];
  escalations: EscalationView[];
  attachments: import('./legal-requests.schemas').AttachmentView[];
  clocks: ComplaintClock[];
  allowedTransitions: ComplaintStatus[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RegulatorView {
  id: string;
  name: string;
  shortName: string | null;
  country: string;
  website: string | null;
  kind: 'data_protection' | 'financial' | 'other';
  active: boolean;
  version: number;
}

export interface CategoryView {
  code: string;
  label: string;
}

export interface RetentionCandidate {
  id: string;
  reference: string;
  closedAt: string;
  attachments: number;
}

export interface RetentionReport {
  dryRun: boolean;
  cutoff: string;
  candidates: RetentionCandidate[];
  erased: number;
}

export const escalationParamSchema = z.strictObject({
  id: z.uuid({ error: 'Not a valid id' }),
  escalationId: z.uuid({ error: 'Not a valid escalation id' }),
});
export const correspondenceParamSchema = escalationParamSchema.extend({
  correspondenceId: z.uuid({ error: 'Not a valid correspondence id' }),
});
