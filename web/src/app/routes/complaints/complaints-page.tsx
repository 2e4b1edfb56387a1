import { complaintQueueSchema, complaintStatusSchema } from '@docket/shared/complaints.schemas';
import { can } from '@docket/shared/permissions';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { rangeSortFromParams, rangeSortToParams } from '../../../components/list-range-sort';
import { LoadMore } from '../../../components/load-more';
import { useComplaintCategories } from '../../../features/complaints/api/get-complaint-categories';
import {
  type ComplaintQueueFilter,
  complaintExportUrl,
  useComplaints,
} from '../../../features/complaints/api/get-complaints';
import { ComplainantSearch } from '../../../features/complaints/components/complainant-search';
import { ComplaintQueueFilters } from '../../../features/complaints/components/complaint-queue-filters';
import { ComplaintsTable } from '../../../features/complaints/components/complaints-table';
import { complaintQueueViewLabels, complaintQueueViewOrder } from '../../../features/complaints/labels';
import { changedFilter, type FilterChange, useUrlParams } from '../../../lib/use-search-param';
import { useCurrentUser } from '../../current-user';

const { view: viewSchema, category: categorySchema, regulatorId: regulatorSchema } = complaintQueueSchema.shape;

type UrlFilter = Omit<ComplaintQueueFilter, 'email'>;

/** The view and filters live in the URL (bookmarkable, shareable); junk in it is ignored. */
function filterFromParams(params: URLSearchParams): UrlFilter {
  const view = viewSchema.safeParse(params.get('view') ?? undefined);
  const category = categorySchema.safeParse(params.get('category') ?? undefined);
  const regulatorId = regulatorSchema.safeParse(params.get('regulatorId') ?? undefined);
  const status = (params.get('status') ?? '')
    .split(',')
    .map((value) => complaintStatusSchema.safeParse(value))
    .flatMap((result) => (result.success ? [result.data] : []));
  return {
    view: view.success ? view.data : 'open',
    status,
    category: category.success ? category.data : undefined,
    regulatorId: regulatorId.success ? regulatorId.data : undefined,
    ...rangeSortFromParams(params),
  };
}

function paramsFromFilter(filter: UrlFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.view !== 'open') params.set('view', filter.view);
  if (filter.status.length > 0) params.set('status', filter.status.join(','));
  if (filter.category) params.set('category', filter.category);
  if (filter.regulatorId) params.set('regulatorId', filter.regulatorId);
  rangeSortToParams(params, filter);
  return params;
}

export function ComplaintsPage() {
  const me = useCurrentUser();
  const personalData = can(me.role, 'complaints.personal_data');
  const [params, updateParams] = useUrlParams();
  const urlFilter = filterFromParams(params);
  // Kept in memory only: see ComplainantSearch.
  const [email, setEmail] = useState<string | undefined>(undefined);
  const filter: ComplaintQueueFilter = { ...urlFilter, email: personalData ? email : undefined };
  const complaints = useComplaints(filter);
  const categories = useComplaintCategories();

  const change = (change: FilterChange<UrlFilter>) =>
    updateParams((current) => paramsFromFilter(changedFilter(filterFromParams(current), change)));
  const rows = complaints.data?.pages.flatMap((page) => page.complaints) ?? [];

  return (
    <section className="stack">
      <div className="page-header">
        <h1>Complaints</h1>
        {can(me.role, 'complaints.write') ? (
          <Link to="/complaints/new" className="button button-primary">
            Log complaint
          </Link>
        ) : null}
      </div>
      {personalData ? null : <p className="muted">Complainants' personal data is not shown to your role.</p>}

      <fieldset className="segmented">
        <legend className="visually-hidden">Queue</legend>
        {complaintQueueViewOrder.map((view) => (
          <button
            key={view}
            type="button"
            className="segmented-item"
            aria-pressed={filter.view === view}
            onClick={() => change({ view })}
          >
            {complaintQueueViewLabels[view]}
          </button>
        ))}
      </fieldset>

      <ComplaintQueueFilters filter={filter} onChange={change} />
      <p className="list-actions">
        <a href={complaintExportUrl(urlFilter)} download className="button button-small">
          Export this list (CSV)
        </a>{' '}
        <span className="muted small">Exports never include complainants' personal data.</span>
      </p>
      {personalData ? <ComplainantSearch email={email} onSearch={setEmail} /> : null}
      {email && personalData ? (
        <p className="muted small" role="status">
          Showing only the complaints of {email}.
        </p>
      ) : null}

      {complaints.isPending ? <p aria-busy="true">Loading complaints…</p> : null}
      {complaints.isError ? <ErrorAlert error={complaints.error} /> : null}
      {complaints.data ? (
        <ComplaintsTable complaints={rows} categories={categories.data} showComplainant={personalData} />
      ) : null}
      <LoadMore query={complaints} count={rows.length} noun="complaint" />
    </section>
  );
}
