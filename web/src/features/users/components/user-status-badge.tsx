import type { UserStatus } from '@docket/shared/users.schemas';

const labels: Record<UserStatus, string> = { active: 'Active', disabled: 'Disabled', removed: 'Removed' };
const tones: Record<UserStatus, string> = {
  active: 'badge-success',
  disabled: 'badge-warning',
  removed: 'badge-neutral',
};

export function UserStatusBadge({ status }: { status: UserStatus }) {
  return <span className={`badge ${tones[status]}`}>{labels[status]}</span>;
}
