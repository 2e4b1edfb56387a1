import type {
  ComplaintOutcome,
  ComplaintView,
  ContactView,
  EscalationOutcome,
  Regime,
} from '@docket/shared/complaints.schemas';
import type { ComplaintQueueView } from './api/get-complaints';

/** Words for the shared complaint enums the contract does not label itself. */

/** In the order the queue shows them: open work first. */
export const complaintQueueViewOrder: readonly ComplaintQueueView[] = ['open', 'all', 'overdue', 'due_soon'];

export const complaintQueueViewLabels: Record<ComplaintQueueView, string> = {
  open: 'Open',
  all: 'All',
  overdue: 'Overdue',
  due_soon: 'Due in 7 days',
};

export const complaintChannelLabels: Record<ComplaintView['channel'], string> = {
  letter: 'Letter',
  email: 'Email',
  web_form: 'Web form',
  other: 'Other',
};

/** Short names for tables and headers; the shared `regimeLabels` explain each rule in full. */
export const regimeShortLabels: Record<Regime, string> = {
  gdpr: 'GDPR',
  fca: 'FCA DISP',
  default: 'Default',
};

export const complaintOutcomeLabels: Record<ComplaintOutcome, string> = {
  upheld: 'Upheld',
  partly_upheld: 'Partly upheld',
  not_upheld: 'Not upheld',
  withdrawn: 'Withdrawn by the complainant',
};

export const contactDirectionLabels: Record<ContactView['direction'], string> = {
  in: 'From the complainant',
  out: 'To the complainant',
};

export const correspondenceDirectionLabels: Record<ContactView['direction'], string> = {
  in: 'From the regulator',
  out: 'To the regulator',
};

export const contactChannelLabels: Record<ContactView['channel'], string> = {
  letter: 'Letter',
  email: 'Email',
  phone: 'Phone',
  web_form: 'Web form',
  in_person: 'In person',
  other: 'Other',
};

export const escalationOutcomeLabels: Record<EscalationOutcome, string> = {
  resolved: 'Resolved',
  no_action: 'No action taken',
  order_issued: 'Order issued',
  withdrawn: 'Withdrawn',
};

/** The attachment kinds that make sense on a complaint: the letters and emails themselves, or anything else. */
export const complaintFileKinds = ['correspondence', 'other'] as const;
export type ComplaintFileKind = (typeof complaintFileKinds)[number];

export const complaintFileKindLabels: Record<ComplaintFileKind, string> = {
  correspondence: 'Letter or email',
  other: 'Other',
};
