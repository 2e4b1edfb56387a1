import type { SearchMatch, SearchResult } from '@docket/shared/search.schemas';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { useSearch } from '../../features/search/api/search-cases';
import { Excerpt } from '../../features/search/components/excerpt';
import { formatDateTime } from '../../lib/format';

const matchLabels: Record<SearchMatch, string> = {
  reference: 'reference',
  identifier: 'identifier',
  email: 'complainant email',
  summary: 'summary',
  note: 'note',
  pushback: 'pushback',
  agency: 'agency',
};

const kindLabels = { legal_request: 'Legal request', complaint: 'Complaint' } as const;

const linkTo = (r: SearchResult) => (r.kind === 'legal_request' ? `/requests/${r.id}` : `/complaints/${r.id}`);

export function SearchPage() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const results = useSearch(q);
  const searched = results.data?.searched ?? [];

  return (
    <section className="stack">
      <h1>Search</h1>
      {q.trim().length < 2 ? <p className="muted">Type at least two characters in the search box above.</p> : null}
      {results.isFetching ? <p aria-busy="true">Searching…</p> : null}
      {results.isError ? <ErrorAlert error={results.error} /> : null}
      {results.data ? (
        <>
          <p className="muted" role="status">
            {results.data.results.length === 0
              ? `Nothing found for “${q}”.`
              : `${results.data.results.length} result${results.data.results.length === 1 ? '' : 's'} for “${q}”.`}{' '}
            Searched {searched.map((kind) => `${kindLabels[kind].toLowerCase()}s`).join(' and ') || 'nothing'} that your
            role may open.
          </p>
          {results.data.sampled ? (
            <p className="alert alert-warning">
              These words appear in a great many cases, so the results are good matches from a sample of them, not the
              best of all. Add words, or search by reference or identifier, to narrow it down.
            </p>
          ) : null}
          <ol className="search-results">
            {results.data.results.map((r) => (
              <li key={`${r.kind}-${r.id}`} className="card search-result">
                <div className="search-result-head">
                  <span className="badge">{kindLabels[r.kind]}</span>{' '}
                  <Link to={linkTo(r)}>
                    <strong>{r.reference}</strong>
                  </Link>{' '}
                  <span>{r.title}</span>
                </div>
                <div className="muted small">
                  {r.status.replaceAll('_', ' ')} · received {formatDateTime(r.receivedAt)} · matched on{' '}
                  {r.matchedOn.map((m) => matchLabels[m]).join(', ')}
                </div>
                {r.excerpt ? <Excerpt text={r.excerpt} /> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
