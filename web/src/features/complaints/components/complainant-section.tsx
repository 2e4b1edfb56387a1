import type { ComplaintView } from '@docket/shared/complaints.schemas';
import { formatDateTime } from '../../../lib/format';

/** The complainant's details; only rendered for roles the API sends them to. */
export function ComplainantSection({ complaint }: { complaint: ComplaintView }) {
  const person = complaint.complainant;
  if (!person) return null;
  return (
    <section className="panel stack" aria-labelledby="complaint-complainant">
      <h2 id="complaint-complainant">Complainant</h2>
      {complaint.personalDataErasedAt ? (
        <p className="alert alert-warning">
          Personal data erased under the retention rule on {formatDateTime(complaint.personalDataErasedAt)}.
        </p>
      ) : (
        <dl className="details">
          <dt>Name</dt>
          <dd>{person.name ?? <span className="muted">—</span>}</dd>
          <dt>Email</dt>
          <dd className="break-all">
            {person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : <span className="muted">—</span>}
          </dd>
          <dt>Phone</dt>
          <dd>{person.phone ?? <span className="muted">—</span>}</dd>
          <dt>Postal address</dt>
          <dd className="pre-line">{person.postalAddress ?? <span className="muted">—</span>}</dd>
        </dl>
      )}
    </section>
  );
}

export function ComplaintSummarySection({ complaint }: { complaint: ComplaintView }) {
  if (complaint.summary === undefined) return null;
  return (
    <section className="panel stack" aria-labelledby="complaint-summary">
      <h2 id="complaint-summary">Summary</h2>
      <p className="pre-line">{complaint.summary}</p>
    </section>
  );
}
