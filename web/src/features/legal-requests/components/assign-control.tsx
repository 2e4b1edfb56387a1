import type { LegalRequestView } from '@docket/shared/legal-requests.schemas';
import { can } from '@docket/shared/permissions';
import { useId, useState } from 'react';
import { useCurrentUser } from '../../../app/current-user';
import { useAssignablePeople } from '../api/get-assignable-people';
import { useLegalRequestSaving } from '../api/get-legal-request';
import { useUpdateLegalRequest } from '../api/update-legal-request';
import { AssigneeOptions } from './assignee-options';
import { CaseMutationError } from './case-mutation-error';

interface AssignControlProps {
  request: LegalRequestView;
  disabled: boolean;
  onReload: () => void;
}

/** Who holds the request: anyone who may work on requests may take it or hand it to a colleague. */
export function AssignControl({ request, disabled, onReload }: AssignControlProps) {
  const me = useCurrentUser();
  const people = useAssignablePeople(me.role);
  const update = useUpdateLegalRequest(request.id);
  const saving = useLegalRequestSaving(request.id);
  const busy = disabled || saving;
  const [choice, setChoice] = useState(request.assigneeId ?? '');
  const [shownAssignee, setShownAssignee] = useState(request.assigneeId);
  if (request.assigneeId !== shownAssignee) {
    setShownAssignee(request.assigneeId);
    setChoice(request.assigneeId ?? '');
  }
  const selectId = useId();
  const canPick = can(me.role, 'legal_requests.write');

  const assign = (assigneeId: string | null) => update.mutate({ version: request.version, assigneeId });

  return (
    <div className="stack-sm">
      <div className="assign-control">
        {canPick ? (
          <>
            <label htmlFor={selectId} className="visually-hidden">
              Assignee
            </label>
            <select id={selectId} value={choice} disabled={busy} onChange={(e) => setChoice(e.target.value)}>
              <AssigneeOptions
                me={me}
                people={people.data}
                current={request.assigneeId ? { id: request.assigneeId, name: request.assigneeName } : null}
              />
            </select>
            <button
              type="button"
              className="button button-small"
              disabled={busy || choice === (request.assigneeId ?? '')}
              onClick={() => assign(choice || null)}
            >
              Assign
            </button>
          </>
        ) : (
          <span className={request.assigneeName ? undefined : 'muted'}>{request.assigneeName ?? 'Unassigned'}</span>
        )}
        {request.assigneeId !== me.id ? (
          <button type="button" className="button button-small" disabled={busy} onClick={() => assign(me.id)}>
            Assign to me
          </button>
        ) : canPick ? null : (
          <>
            <span className="badge badge-accent">You</span>
            <button type="button" className="button button-small" disabled={busy} onClick={() => assign(null)}>
              Unassign
            </button>
          </>
        )}
      </div>
      <CaseMutationError
        error={update.error}
        onReload={() => {
          update.reset();
          onReload();
        }}
      />
    </div>
  );
}
