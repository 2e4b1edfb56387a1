import { type ComplaintView, regimeLabels } from '@docket/shared/complaints.schemas';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { formatDateTime } from '../../../lib/format';
import { ClocksList } from '../../legal-requests/components/clocks-list';
import { useComplaintCategories } from '../api/get-complaint-categories';
import { complaintChannelLabels, regimeShortLabels } from '../labels';
import { ComplaintStatusBadge } from './complaint-status-badge';
import { EditComplaintForm } from './edit-complaint-form';

interface ComplaintHeaderProps {
  complaint: ComplaintView;
  /** Whether this person may correct the details (writers who see personal data, while the complaint is open). */
  canEdit: boolean;
  onReload: () => void;
}

export function ComplaintHeader({ complaint, canEdit, onReload }: ComplaintHeaderProps) {
  const categories = useComplaintCategories();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const category = categories.data?.find((c) => c.code === complaint.category)?.label ?? complaint.category;
  return (
    <section className="panel stack case-header" aria-labelledby="case-title">
      <div className="page-header">
        <h1 id="case-title">
          {complaint.reference} <ComplaintStatusBadge status={complaint.status} />
          {complaint.escalated && complaint.status !== 'escalated' ? (
            <span className="badge badge-warning" title="Was escalated to a regulator">
              Escalated
            </span>
          ) : null}
        </h1>
        {canEdit ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit details
          </button>
        ) : null}
      </div>
      {saved ? (
        <p className="alert alert-success" role="status">
          Details saved.
        </p>
      ) : null}
      <div className="case-header-grid">
        <dl className="details">
          <dt>Category</dt>
          <dd>{category}</dd>
          <dt>Regime</dt>
          <dd>
            {regimeShortLabels[complaint.regime]}
            <br />
            <span className="muted small">{regimeLabels[complaint.regime]}</span>
          </dd>
          <dt>Channel</dt>
          <dd>{complaintChannelLabels[complaint.channel]}</dd>
          <dt>Received</dt>
          <dd>{formatDateTime(complaint.receivedAt)}</dd>
          <dt>Acknowledged</dt>
          <dd>{complaint.acknowledgedAt ? formatDateTime(complaint.acknowledgedAt) : 'Not yet'}</dd>
          <dt>Response due</dt>
          <dd>
            {formatDateTime(complaint.responseDueAt)}
            {complaint.extension ? <span className="badge badge-accent cell-flag">Extended</span> : null}
          </dd>
          {complaint.closedAt ? (
            <>
              <dt>Closed</dt>
              <dd>{formatDateTime(complaint.closedAt)}</dd>
            </>
          ) : null}
        </dl>
        <div className="stack-sm">
          <h2 className="h3">Deadlines</h2>
          <ClocksList clocks={complaint.clocks} />
        </div>
      </div>
      <Dialog title="Edit complaint details" open={editing} onClose={() => setEditing(false)}>
        {editing ? (
          <EditComplaintForm
            complaint={complaint}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
            }}
            onReload={() => {
              setEditing(false);
              onReload();
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}
