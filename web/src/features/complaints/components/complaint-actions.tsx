import type { ComplaintStatus, ComplaintView } from '@docket/shared/complaints.schemas';
import { useComplaintSaving } from '../api/get-complaint';
import { useTransitionComplaint } from '../api/transition-complaint';
import { ComplaintMutationError } from './complaint-mutation-error';

/** Resolving and escalating carry records of their own and are done from their sections. */
const dedicated = new Set<ComplaintStatus>(['resolved', 'escalated']);

const moveLabels: Partial<Record<ComplaintStatus, string>> = {
  acknowledged: 'Acknowledge',
  investigating: 'Start investigating',
  closed: 'Close',
};

interface ComplaintActionsProps {
  complaint: ComplaintView;
  onReload: () => void;
}

/**
 * The workflow moves that need no record of their own. They wait while any change to the complaint is on
 * its way, so that a move never carries the version from before the person's own last change.
 */
export function ComplaintActions({ complaint, onReload }: ComplaintActionsProps) {
  const transition = useTransitionComplaint(complaint.id);
  const saving = useComplaintSaving(complaint.id);
  const moves = complaint.allowedTransitions.filter((to) => !dedicated.has(to));
  const openEscalations = complaint.escalations.filter((e) => !e.closedAt).length;
  const investigating = complaint.status === 'investigating';
  if (moves.length === 0 && !investigating) return null;

  return (
    <section className="action-bar" aria-label="Actions">
      <div className="actions">
        {moves.map((to) => {
          const blocked = to === 'closed' && openEscalations > 0;
          return (
            <button
              key={to}
              type="button"
              className="button button-primary"
              disabled={saving || blocked}
              aria-describedby={blocked ? 'close-blocked' : undefined}
              onClick={() => {
                transition.reset();
                transition.mutate({ version: complaint.version, to });
              }}
            >
              {moveLabels[to] ?? to}
            </button>
          );
        })}
        {moves.includes('closed') && openEscalations > 0 ? (
          <span id="close-blocked" className="muted small">
            Close the open escalation{openEscalations === 1 ? '' : 's'} first.
          </span>
        ) : null}
        {investigating ? (
          <span className="muted small">To finish: record the resolution, or escalate to a regulator, below.</span>
        ) : null}
      </div>
      <ComplaintMutationError
        error={transition.error}
        onReload={() => {
          transition.reset();
          onReload();
        }}
      />
    </section>
  );
}
