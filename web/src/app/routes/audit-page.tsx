import { can } from '@docket/shared/permissions';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { type AuditFilter, useAuditEvents } from '../../features/audit/api/get-audit-events';
import { AuditFilters } from '../../features/audit/components/audit-filters';
import { AuditTable } from '../../features/audit/components/audit-table';
import { VerifyChainPanel } from '../../features/audit/components/verify-chain-panel';
import { useCurrentUser } from '../current-user';

const filterKeys = ['action', 'entityType', 'entityId', 'actorId'] as const;

export function AuditPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filter: AuditFilter = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  const events = useAuditEvents(filter);

  const onFilterChange = (next: AuditFilter) => {
    const search = new URLSearchParams();
    for (const key of filterKeys) {
      const value = next[key];
      if (value) search.set(key, value);
    }
    setParams(search);
  };

  return (
    <div className="stack-lg">
      <section className="stack">
        <div className="page-header">
          <h1>Audit log</h1>
        </div>
        <p className="muted">
          Every change and sign-in, newest first. Events are chained by hash, so any later edit or deletion shows up
          when the chain is verified.
        </p>
        {can(me.role, 'audit.verify') ? <VerifyChainPanel /> : null}
      </section>
      <section className="stack" aria-label="Events">
        <AuditFilters filter={filter} onChange={onFilterChange} />
        {events.isPending ? <p aria-busy="true">Loading events…</p> : null}
        {events.isError ? <ErrorAlert error={events.error} /> : null}
        {events.data ? <AuditTable events={events.data.pages.flatMap((page) => page.events)} /> : null}
        {events.hasNextPage ? (
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={events.isFetchingNextPage}
              onClick={() => void events.fetchNextPage()}
            >
              {events.isFetchingNextPage ? 'Loading…' : 'Load older'}
            </button>
          </div>
        ) : events.data?.pages[0]?.events.length ? (
          <p className="muted small">You have reached the first event.</p>
        ) : null}
      </section>
    </div>
  );
}
