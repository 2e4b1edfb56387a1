import type { AgencyView } from '@docket/shared/legal-requests.schemas';
import { can } from '@docket/shared/permissions';
import { useDeferredValue, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { TextField } from '../../components/text-field';
import { useAgencies } from '../../features/agencies/api/get-agencies';
import { AgenciesTable } from '../../features/agencies/components/agencies-table';
import { AgencyForm } from '../../features/agencies/components/agency-form';
import { useCurrentUser } from '../current-user';

type OpenDialog = { kind: 'create' } | { kind: 'edit'; agency: AgencyView } | null;

export function AgenciesPage() {
  const me = useCurrentUser();
  const canManage = can(me.role, 'agencies.manage');
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  // Typing stays responsive; the list follows a beat behind.
  const deferredSearch = useDeferredValue(search);
  const agencies = useAgencies(deferredSearch);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const closeDialog = () => setDialog(null);

  return (
    <section className="stack">
      <div className="page-header">
        <h1>Agencies</h1>
        {canManage ? (
          <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })}>
            Add agency
          </button>
        ) : null}
      </div>
      <p className="muted">
        The authorities that send legal requests, with the contact verified for each and how it was verified.
      </p>

      <search className="filters">
        <TextField
          label="Search agencies"
          type="search"
          value={search}
          placeholder="Name"
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.target.value) next.set('q', e.target.value);
            else next.delete('q');
            setParams(next, { replace: true });
          }}
        />
      </search>

      {notice ? (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      ) : null}
      {agencies.isPending ? <p aria-busy="true">Loading agencies…</p> : null}
      {agencies.isError ? <ErrorAlert error={agencies.error} /> : null}
      {agencies.data ? (
        <AgenciesTable
          agencies={agencies.data}
          canManage={canManage}
          onEdit={(agency) => {
            setNotice(null);
            setDialog({ kind: 'edit', agency });
          }}
        />
      ) : null}

      <Dialog title="Add an agency" open={dialog?.kind === 'create'} onClose={closeDialog}>
        <AgencyForm
          onCancel={closeDialog}
          onSaved={(agency) => {
            closeDialog();
            setNotice(`${agency.name} has been added.`);
          }}
        />
      </Dialog>
      <Dialog title="Edit agency" open={dialog?.kind === 'edit'} onClose={closeDialog}>
        {dialog?.kind === 'edit' ? (
          <AgencyForm
            agency={dialog.agency}
            onCancel={closeDialog}
            onSaved={(agency) => {
              closeDialog();
              setNotice(`Changes to ${agency.name} have been saved.`);
            }}
            onReload={() => {
              closeDialog();
              void agencies.refetch();
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}
