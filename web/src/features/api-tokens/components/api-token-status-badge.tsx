import type { ApiTokenStatus } from '@docket/shared/api-tokens.schemas';

const labels: Record<ApiTokenStatus, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };
const tones: Record<ApiTokenStatus, string> = {
  active: 'badge-success',
  expired: 'badge-neutral',
  revoked: 'badge-danger',
};

export function ApiTokenStatusBadge({ status }: { status: ApiTokenStatus }) {
  return <span className={`badge ${tones[status]}`}>{labels[status]}</span>;
}
