import type { RegulatorView } from '@docket/shared/complaints.schemas';
import { can } from '@docket/shared/permissions';
import { useDeferredValue, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { TextField } from '../../components/text-field';
import { CategoriesSection } from '../../features/complaints/components/categories-section';
import { useRegulators } from '../../features/regulators/api/get-regulators';
import { RegulatorForm } from '../../features/regulators/components/regulator-form';
import { RegulatorsTable } from '../../features/regulators/components/regulators-table';
import { useCurrentUser } from '../current-user';

type OpenDialog = { kind: 'create' } | { kind: 'edit'; regulator: RegulatorView } | null;

/** The registry is a few dozen rows: it is searched here, in the browser. */
function matches(regulator: RegulatorView, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  return [regulator.name, regulator.shortName ?? '', regulator.country].some((text) => text.toLowerCase().includes(q));
}

export function RegulatorsPage() {
  const me = useCurrentUser();
  const canManage = can(me.role, 'regulators.manage');
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const deferredSearch = useDeferredValue(search);
  const regulators = useRegulators();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const closeDialog = () => setDialog(null);
  const shown = regulators.data?.filter((regulator) => matches(regulator, deferredSearch));

  return (
    <div className="stack-lg">
      <section className="stack">
        <div className="page-header">
          <h1>Regulators</h1>
          {canManage ? (
            <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })}>
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
        {regulators.isPending ? <p aria-busy="true">Loading regulators…</p> : null}
        {regulators.isError ? <ErrorAlert error={regulators.error} /> : null}
        {shown ? (
          <RegulatorsTable
            regulators={shown}
            canManage={canManage}
            onEdit={(regulator) => {
              setNotice(null);
              setDialog({ kind: 'edit', regulator });
            }}
          />
        ) : null}
      </section>

      <CategoriesSection canManage={can(me.role, 'categories.manage')} />

      <Dialog title="Add a regulator" open={dialog?.kind === 'create'} onClose={closeDialog}>
        <RegulatorForm
          onCancel={closeDialog}
          onSaved={(regulator) => {
            closeDialog();
            setNotice(`${regulator.name} has been added.`);
          }}
        />
      </Dialog>
      <Dialog title="Edit regulator" open={dialog?.kind === 'edit'} onClose={closeDialog}>
        {dialog?.kind === 'edit' ? (
          <RegulatorForm
            regulator={dialog.regulator}
            onCancel={closeDialog}
            onSaved={(regulator) => {
              closeDialog();
              setNotice(`Changes to ${regulator.name} have been saved.`);
            }}
            onReload={() => {
              closeDialog();
              void regulators.refetch();
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
