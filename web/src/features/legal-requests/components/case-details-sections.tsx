import type { LegalRequestView, ScopeView } from '@docket/shared/legal-requests.schemas';
import { identifierKindLabels, identifierOutcomeLabels } from '../labels';
import { ScopeSummary, sameScope } from './scope-summary';

export function SummarySection({ request }: { request: LegalRequestView }) {
  return (
    <section className="panel stack" aria-labelledby="case-summary">
      <h2 id="case-summary">Summary</h2>
      <p className="pre-line">{request.summary}</p>
    </section>
  );
}

export function IdentifiersSection({ request }: { request: LegalRequestView }) {
  return (
    <section className="panel stack" aria-labelledby="case-identifiers">
      <h2 id="case-identifiers">Identifiers</h2>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Identifiers named in the request</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Value</th>
              <th scope="col">In scope</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {request.identifiers.map((identifier) => (
              <tr key={identifier.id}>
                <td>{identifierKindLabels[identifier.kind]}</td>
                <th scope="row" className="break-all">
                  {identifier.value}
                </th>
                <td>
                  {identifier.inScope ? (
                    <span className="badge badge-accent">In scope</span>
                  ) : (
                    <span className="badge badge-neutral">Out of scope</span>
                  )}
                </td>
                <td>
                  {identifier.outcome ? identifierOutcomeLabels[identifier.outcome] : <span className="muted">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function currentScope(request: LegalRequestView): ScopeView {
  return {
    dataCategories: request.dataCategories,
    dateRangeStart: request.dateRangeStart,
    dateRangeEnd: request.dateRangeEnd,
    identifierIds: request.identifiers.filter((i) => i.inScope).map((i) => i.id),
  };
}

export function ScopeSection({ request }: { request: LegalRequestView }) {
  const current = currentScope(request);
  const changed = !sameScope(current, request.originalScope);
  return (
    <section className="panel stack" aria-labelledby="case-scope">
      <h2 id="case-scope">Scope</h2>
      <ScopeSummary scope={current} identifiers={request.identifiers} />
      {changed ? (
        <div className="stack-sm">
          <h3>Original scope, as received</h3>
          <ScopeSummary scope={request.originalScope} identifiers={request.identifiers} />
        </div>
      ) : (
        <p className="muted small">Unchanged since the request was received.</p>
      )}
    </section>
  );
}
