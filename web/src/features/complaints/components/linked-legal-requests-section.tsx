import type { ComplaintView } from '@docket/shared/complaints.schemas';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useLegalRequests } from '../../legal-requests/api/get-legal-requests';
import { useComplaintSaving } from '../api/get-complaint';
import { useUpdateComplaint } from '../api/update-complaint';
import { ComplaintMutationError } from './complaint-mutation-error';

const maxLinks = 20;

interface LinksEditorProps {
  complaint: ComplaintView;
  onReload: () => void;
}

/** Legal and admin pick from the legal request queue; support cannot read legal requests at all. */
function LinksEditor({ complaint, onReload }: LinksEditorProps) {
  const update = useUpdateComplaint(complaint.id);
  const saving = useComplaintSaving(complaint.id);
  const requests = useLegalRequests({ view: 'all', status: [], processType: [], sort: 'received_desc' });
  const [choice, setChoice] = useState('');
  const selectId = useId();
  const linked = new Set(complaint.legalRequests.map((r) => r.id));
  const options = (requests.data?.pages.flatMap((page) => page.requests) ?? []).filter((r) => !linked.has(r.id));

  const save = (ids: string[]) =>
    update.mutate({ version: complaint.version, legalRequestIds: ids }, { onSuccess: () => setChoice('') });

  return (
    <div className="stack-sm">
      {complaint.legalRequests.length > 0 ? (
        <ul className="link-list">
          {complaint.legalRequests.map((request) => (
            <li key={request.id}>
              <Link to={`/requests/${request.id}`}>{request.reference}</Link>{' '}
              <button
                type="button"
                className="button button-small"
                aria-label={`Unlink ${request.reference}`}
                disabled={saving}
                onClick={() => save(complaint.legalRequests.filter((r) => r.id !== request.id).map((r) => r.id))}
              >
                Unlink
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {complaint.legalRequests.length < maxLinks ? (
        <div className="assign-control">
          <label htmlFor={selectId}>Link a legal request</label>
          <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)} disabled={saving}>
            <option value="">{requests.isPending ? 'Loading requests…' : 'Choose…'}</option>
            {options.map((request) => (
              <option key={request.id} value={request.id}>
                {request.reference} — {request.agencyName}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-small"
            disabled={!choice || saving}
            onClick={() => save([...complaint.legalRequests.map((r) => r.id), choice])}
          >
            Link
          </button>
          {requests.hasNextPage ? (
            <button
              type="button"
              className="link-button small"
              disabled={requests.isFetchingNextPage}
              onClick={() => void requests.fetchNextPage()}
            >
              Show more requests
            </button>
          ) : null}
        </div>
      ) : null}
      <ComplaintMutationError
        error={update.error ?? requests.error}
        onReload={() => {
          update.reset();
          onReload();
        }}
      />
    </div>
  );
}

interface LinkedLegalRequestsSectionProps {
  complaint: ComplaintView;
  /** Whether this person may open legal requests (legal, admin). */
  canReadRequests: boolean;
  /** Whether they may also change the links (legal, admin, while the complaint is open). */
  canEdit: boolean;
  onReload: () => void;
}

export function LinkedLegalRequestsSection({
  complaint,
  canReadRequests,
  canEdit,
  onReload,
}: LinkedLegalRequestsSectionProps) {
  if (complaint.legalRequests.length === 0 && !canEdit) return null;
  return (
    <section className="panel stack" aria-labelledby="complaint-legal-requests">
      <h2 id="complaint-legal-requests">Linked legal requests</h2>
      {canEdit ? (
        <LinksEditor complaint={complaint} onReload={onReload} />
      ) : (
        <ul className="link-list">
          {complaint.legalRequests.map((request) => (
            <li key={request.id}>
              {canReadRequests ? <Link to={`/requests/${request.id}`}>{request.reference}</Link> : request.reference}
            </li>
          ))}
        </ul>
      )}
      {canEdit && complaint.legalRequests.length === 0 ? (
        <p className="muted small">None linked. Link the legal request this complaint concerns, if any.</p>
      ) : null}
    </section>
  );
}
