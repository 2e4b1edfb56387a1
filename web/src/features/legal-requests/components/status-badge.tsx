import { type LegalRequestStatus, statusLabels } from '@docket/shared/legal-requests.schemas';

const tones: Record<LegalRequestStatus, string> = {
  received: 'badge-accent',
  in_review: 'badge-accent',
  pushback: 'badge-warning',
  decided: 'badge-accent',
  responded: 'badge-success',
  closed: 'badge-neutral',
  withdrawn: 'badge-neutral',
  rejected: 'badge-danger',
};

export function StatusBadge({ status }: { status: LegalRequestStatus }) {
  return <span className={`badge ${tones[status]}`}>{statusLabels[status]}</span>;
}
