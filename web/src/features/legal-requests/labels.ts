import type {
  AttachmentKind,
  Clock,
  Disposition,
  IdentifierKind,
  IdentifierOutcome,
  LegalRequestView,
  NoticeDecision,
  PushbackGround,
  PushbackOutcome,
  queueViews,
} from '@docket/shared/legal-requests.schemas';

/** Words for the shared enums the contract does not label itself. */

export const queueViewLabels: Record<(typeof queueViews)[number], string> = {
  all: 'All',
  mine: 'Mine',
  unassigned: 'Unassigned',
  overdue: 'Overdue',
  due_soon: 'Due in 7 days',
};

export const identifierKindLabels: Record<IdentifierKind, string> = {
  account: 'Account',
  email: 'Email address',
  phone: 'Phone number',
  ip_address: 'IP address',
  device: 'Device',
  other: 'Other',
};

export const identifierOutcomeLabels: Record<IdentifierOutcome, string> = {
  produced: 'Produced',
  partial: 'Partly produced',
  none: 'Nothing produced',
  not_found: 'Not found',
};

export const pushbackGroundLabels: Record<PushbackGround, string> = {
  overbroad: 'Overbroad',
  wrong_process: 'Wrong process',
  no_jurisdiction: 'No jurisdiction',
  wrong_entity: 'Wrong entity',
  insufficient_basis: 'Insufficient basis',
  defective_service: 'Defective service',
  other: 'Other',
};

export const pushbackOutcomeLabels: Record<PushbackOutcome, string> = {
  pending: 'Pending (reply only)',
  withdrawn: 'Withdrawn by the requester',
  narrowed: 'Narrowed',
  upheld: 'Upheld (request stands)',
};

export const dispositionLabels: Record<Disposition, string> = {
  produced: 'Produce',
  partial: 'Produce in part',
  none: 'Produce nothing',
  rejected: 'Reject',
};

export const noticeDecisionLabels: Record<NoticeDecision, string> = {
  notify: 'Notify the user',
  delay: 'Delay notice',
  do_not_notify: 'Do not notify',
};

export const responseMethodLabels: Record<NonNullable<LegalRequestView['response']>['method'], string> = {
  secure_portal: 'Secure portal',
  encrypted_email: 'Encrypted email',
  physical_media: 'Physical media',
  other: 'Other',
};

export const attachmentKindLabels: Record<AttachmentKind, string> = {
  legal_process: 'Legal process',
  correspondence: 'Correspondence',
  production: 'Production',
  other: 'Other',
};

export const clockStateLabels: Record<Clock['state'], string> = {
  overdue: 'Overdue',
  due_soon: 'Due soon',
  pending: 'Pending',
  met: 'Met',
};

export const clockStateTones: Record<Clock['state'], string> = {
  overdue: 'badge-danger',
  due_soon: 'badge-warning',
  pending: 'badge-neutral',
  met: 'badge-success',
};
