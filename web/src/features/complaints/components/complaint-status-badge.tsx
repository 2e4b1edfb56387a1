import { type ComplaintStatus, complaintStatusLabels } from '@docket/shared/complaints.schemas';

const tones: Record<ComplaintStatus, string> = {
  received: 'badge-accent',
  acknowledged: 'badge-accent',
  investigating: 'badge-accent',
  resolved: 'badge-success',
  escalated: 'badge-warning',
  closed: 'badge-neutral',
};

export function ComplaintStatusBadge({ status }: { status: ComplaintStatus }) {
  return <span className={`badge ${tones[status]}`}>{complaintStatusLabels[status]}</span>;
}
