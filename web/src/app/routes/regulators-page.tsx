import type { RegulatorView } from '@docket/shared/complaints.schemas';
import { can } from '@docket/shared/permissions';
import { useDeferredValue } from 'react';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { TextField } from '../../components/text-field';
import { CategoriesSection } from '../../features/complaints/components/categories-section';
import { useRegulators } from '../../features/regulators/api/get-regulators';
import { RegulatorForm } from '../../features/regulators/components/regulator-form';
import { RegulatorsTable } from '../../features/regulators/components/regulators-table';
import { useRegistryDialog } from '../../lib/use-registry-dialog';
import { useSearchParam } from '../../lib/use-search-param';
import { useCurrentUser } from '../current-user';

/** The registry is a few dozen rows: it is searched here, in the browser. */
function matches(regulator: RegulatorView, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  return [regulator.name, regulator.shortName ?? '', regulator.country].some((text) => text.toLowerCase().includes(q));
}

export function RegulatorsPage() {
  const me = useCurrentUser();
  const canManage = can(me.role, 'regulators.manage');
  const [search, setSearch] = useSearchParam('q');
  const deferredSearch = useDeferredValue(search);
  const regulators = useRegulators();
  const registry = useRegistryDialog<RegulatorView>();

  const shown = regulators.data?.filter((regulator) => matches(regulator, deferredSearch));

  return (
    <div className="stack-lg">
      <section className="stack">
        <div className="page-header">
          <h1>Regulators</h1>
          {canManage ? (
            <button type="button" className="button button-primary" onClick={registry.openCreate}>
              Add regulator
            </button>
          ) : null}
        </div>
        <p className="muted">
          The authorities complaints are escalated to: the EU and EEA data protection authorities, the ICO and any added
          here.
        </p>

        <search className="filters">
          <TextField
            label="Search regulators"
            type="search"
            value={search}
            placeholder="Name or country"
            onChange={(e) => setSearch(e.target.value)}
          />
        </search>

        {registry.notice ? (
          <p className="alert alert-success" role="status">
            {registry.notice}
          </p>
        ) : null}
        {regulators.isPending ? <p aria-busy="true">Loading regulators…</p> : null}
        {regulators.isError ? <ErrorAlert error={regulators.error} /> : null}
        {shown ? <RegulatorsTable regulators={shown} canManage={canManage} onEdit={registry.openEdit} /> : null}
      </section>

      <CategoriesSection canManage={can(me.role, 'categories.manage')} />

      <Dialog title="Add a regulator" open={registry.creating} onClose={registry.close}>
        <RegulatorForm onCancel={registry.close} onSaved={registry.onAdded} />
      </Dialog>
      <Dialog title="Edit regulator" open={registry.editing !== null} onClose={registry.close}>
        {registry.editing ? (
          <RegulatorForm
            regulator={registry.editing}
            onCancel={registry.close}
            onSaved={registry.onChanged}
            onReload={() => {
              registry.close();
              void regulators.refetch();
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
