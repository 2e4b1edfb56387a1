import {
  legalRequestStatusSchema,
  processTypeSchema,
  queueQuerySchema,
  queueViews,
} from '@docket/shared/legal-requests.schemas';
import { can } from '@docket/shared/permissions';
import { Link } from 'react-router';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { rangeSortFromParams, rangeSortToParams } from '../../../components/list-range-sort';
import { LoadMore } from '../../../components/load-more';
import {
  type QueueFilter,
  type QueueView,
  queueExportUrl,
  useLegalRequests,
} from '../../../features/legal-requests/api/get-legal-requests';
import { QueueFilters } from '../../../features/legal-requests/components/queue-filters';
import { QueueTable } from '../../../features/legal-requests/components/queue-table';
import { queueViewLabels } from '../../../features/legal-requests/labels';
import { changedFilter, type FilterChange, useUrlParams } from '../../../lib/use-search-param';
import { useCurrentUser } from '../../current-user';

const {
  view: viewSchema,
  country: countrySchema,
  agencyId: agencySchema,
  assigneeId: assigneeSchema,
} = queueQuerySchema.shape;

function listParam<T extends string>(params: URLSearchParams, key: string, schema: z.ZodType<T>): T[] {
  return (params.get(key) ?? '')
    .split(',')
    .map((value) => schema.safeParse(value))
    .flatMap((result) => (result.success ? [result.data] : []));
}

/** The filters live in the URL, so a queue can be bookmarked, shared and reloaded; junk in it is ignored. */
function filterFromParams(params: URLSearchParams): QueueFilter {
  const view = viewSchema.safeParse(params.get('view') ?? undefined);
  const country = countrySchema.safeParse(params.get('country') ?? undefined);
  const agencyId = agencySchema.safeParse(params.get('agencyId') ?? undefined);
  const assigneeId = assigneeSchema.safeParse(params.get('assigneeId') ?? undefined);
  const emergency = params.get('emergency');
  return {
    view: view.success ? view.data : 'all',
    status: listParam(params, 'status', legalRequestStatusSchema),
    processType: listParam(params, 'processType', processTypeSchema),
    country: country.success ? country.data : undefined,
    agencyId: agencyId.success ? agencyId.data : undefined,
    assigneeId: assigneeId.success ? assigneeId.data : undefined,
    emergency: emergency === 'true' || emergency === 'false' ? emergency : undefined,
    ...rangeSortFromParams(params),
  };
}

function paramsFromFilter(filter: QueueFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.view !== 'all') params.set('view', filter.view);
  if (filter.status.length > 0) params.set('status', filter.status.join(','));
  if (filter.processType.length > 0) params.set('processType', filter.processType.join(','));
  if (filter.country) params.set('country', filter.country);
  if (filter.agencyId) params.set('agencyId', filter.agencyId);
  if (filter.assigneeId) params.set('assigneeId', filter.assigneeId);
  if (filter.emergency) params.set('emergency', filter.emergency);
  rangeSortToParams(params, filter);
  return params;
}

export function RequestsPage() {
  const me = useCurrentUser();
  const [params, updateParams] = useUrlParams();
  const filter = filterFromParams(params);
  const requests = useLegalRequests(filter);

  const change = (change: FilterChange<QueueFilter>) =>
    updateParams((current) => paramsFromFilter(changedFilter(filterFromParams(current), change)));
  const rows = requests.data?.pages.flatMap((page) => page.requests) ?? [];

  return (
    <section className="stack">
      <div className="page-header">
        <h1>Legal requests</h1>
        {can(me.role, 'legal_requests.write') ? (
          <div className="actions">
            <Link to="/requests/import" className="button">
              Import CSV
            </Link>
            <Link to="/requests/new" className="button button-primary">
              New request
            </Link>
          </div>
        ) : null}
      </div>

      <fieldset className="segmented">
        <legend className="visually-hidden">Queue</legend>
        {queueViews.map((view: QueueView) => (
          <button
            key={view}
            type="button"
            className="segmented-item"
            aria-pressed={filter.view === view}
            onClick={() => change({ view })}
          >
            {queueViewLabels[view]}
          </button>
        ))}
      </fieldset>

      <QueueFilters filter={filter} onChange={change} />
      <p className="list-actions">
        <a href={queueExportUrl(filter)} download className="button button-small">
          Export this list (CSV)
        </a>
      </p>

      {requests.isPending ? <p aria-busy="true">Loading requests…</p> : null}
      {requests.isError ? <ErrorAlert error={requests.error} /> : null}
      {requests.data ? <QueueTable requests={rows} /> : null}
      <LoadMore query={requests} count={rows.length} noun="request" />
    </section>
  );
}
