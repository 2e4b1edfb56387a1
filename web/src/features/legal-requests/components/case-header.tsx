import { isEnded, type LegalRequestView, processTypeLabels } from '@docket/shared/legal-requests.schemas';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { formatDateTime } from '../../../lib/format';
import { AssignControl } from './assign-control';
import { ClocksList } from './clocks-list';
import { EditRequestForm } from './edit-request-form';
import { LadderWarning } from './ladder-warning';
import { StatusBadge } from './status-badge';

interface CaseHeaderProps {
  request: LegalRequestView;
  onReload: () => void;
}

export function CaseHeader({ request, onReload }: CaseHeaderProps) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel stack case-header" aria-labelledby="case-title">
      <div className="page-header">
        <h1 id="case-title">
          {request.reference} <StatusBadge status={request.status} />
          {request.emergency ? <span className="badge badge-danger">Emergency</span> : null}
        </h1>
        {isEnded(request.status) ? null : (
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
        )}
      </div>
      {saved ? (
        <p className="alert alert-success" role="status">
          Details saved.
        </p>
      ) : null}
      <div className="case-header-grid">
        <dl className="details">
          <dt>Process type</dt>
          <dd>{processTypeLabels[request.processType]}</dd>
          <dt>Agency</dt>
          <dd>{request.agencyName}</dd>
          {request.externalReference ? (
            <>
              <dt>Agency reference</dt>
              <dd>{request.externalReference}</dd>
            </>
          ) : null}
          <dt>Country</dt>
          <dd>{request.country}</dd>
          <dt>Received</dt>
          <dd>{formatDateTime(request.receivedAt)}</dd>
          <dt>Emergency</dt>
          <dd>{request.emergency ? 'Yes' : 'No'}</dd>
          <dt>Assignee</dt>
          <dd>
            <AssignControl request={request} disabled={isEnded(request.status)} onReload={onReload} />
          </dd>
        </dl>
        <div className="stack-sm">
          <h2 className="h3">Deadlines</h2>
          <ClocksList clocks={request.clocks} />
        </div>
      </div>
      <LadderWarning processType={request.processType} categories={request.ladderExcess} />
      <Dialog title="Edit request details" open={editing} onClose={() => setEditing(false)}>
        {editing ? (
          <EditRequestForm
            request={request}
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
