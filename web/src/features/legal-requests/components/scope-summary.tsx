import { dataCategoryLabels, type IdentifierView, type ScopeView } from '@docket/shared/legal-requests.schemas';
import { formatDate } from '../../../lib/format';

export function dateRangeText(start: string | null, end: string | null): string {
  if (!start && !end) return 'Any date';
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  return start ? `From ${formatDate(start)}` : `Until ${formatDate(end)}`;
}

interface ScopeSummaryProps {
  scope: ScopeView;
  identifiers: IdentifierView[];
}

/** One scope (current, original, before or after a pushback) as a short definition list. */
export function ScopeSummary({ scope, identifiers }: ScopeSummaryProps) {
  const byId = new Map(identifiers.map((i) => [i.id, i]));
  return (
    <dl className="details">
      <dt>Data</dt>
      <dd>
        {scope.dataCategories.length > 0
          ? scope.dataCategories.map((c) => dataCategoryLabels[c]).join('; ')
          : 'No data categories'}
      </dd>
      <dt>Dates</dt>
      <dd>{dateRangeText(scope.dateRangeStart, scope.dateRangeEnd)}</dd>
      <dt>Identifiers</dt>
      <dd>{scope.identifierIds.map((id) => byId.get(id)?.value ?? 'Unknown identifier').join(', ') || 'None'}</dd>
    </dl>
  );
}

export function sameScope(a: ScopeView, b: ScopeView): boolean {
  const set = (values: readonly string[]) => [...values].sort().join('|');
  return (
    set(a.dataCategories) === set(b.dataCategories) &&
    (a.dateRangeStart ?? null) === (b.dateRangeStart ?? null) &&
    (a.dateRangeEnd ?? null) === (b.dateRangeEnd ?? null) &&
    set(a.identifierIds) === set(b.identifierIds)
  );
}
