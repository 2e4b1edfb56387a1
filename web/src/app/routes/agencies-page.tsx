import type { AgencyView } from '@docket/shared/legal-requests.schemas';
import { can } from '@docket/shared/permissions';
import { useDeferredValue } from 'react';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { TextField } from '../../components/text-field';
import { useAgencies } from '../../features/agencies/api/get-agencies';
import { AgenciesTable } from '../../features/agencies/components/agencies-table';
import { AgencyForm } from '../../features/agencies/components/agency-form';
import { useRegistryDialog } from '../../lib/use-registry-dialog';
import { useSearchParam } from '../../lib/use-search-param';
import { useCurrentUser } from '../current-user';

export function AgenciesPage() {
  const me = useCurrentUser();
  const canManage = can(me.role, 'agencies.manage');
  const [search, setSearch] = useSearchParam('q');
  // Typing stays responsive; the list follows a beat behind.
  const deferredSearch = useDeferredValue(search);
  const agencies = useAgencies(deferredSearch);
  const registry = useRegistryDialog<AgencyView>();

  return (
    <section className="stack">
      <div className="page-header">
        <h1>Agencies</h1>
        {canManage ? (
          <button type="button" className="button button-primary" onClick={registry.openCreate}>
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
          onChange={(e) => setSearch(e.target.value)}
        />
      </search>

      {registry.notice ? (
        <p className="alert alert-success" role="status">
          {registry.notice}
        </p>
      ) : null}
      {agencies.isPending ? <p aria-busy="true">Loading agencies…</p> : null}
      {agencies.isError ? <ErrorAlert error={agencies.error} /> : null}
      {agencies.data ? (
        <AgenciesTable agencies={agencies.data} canManage={canManage} onEdit={registry.openEdit} />
      ) : null}

      <Dialog title="Add an agency" open={registry.creating} onClose={registry.close}>
        <AgencyForm onCancel={registry.close} onSaved={registry.onAdded} />
      </Dialog>
      <Dialog title="Edit agency" open={registry.editing !== null} onClose={registry.close}>
        {registry.editing ? (
          <AgencyForm
            agency={registry.editing}
            onCancel={registry.close}
            onSaved={registry.onChanged}
            onReload={() => {
              registry.close();
              void agencies.refetch();
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}
