import { isEnded, type LegalRequestView } from '@docket/shared/legal-requests.schemas';
import { formatDateTime } from '../../../lib/format';
import { useExtendPreservation } from '../api/extend-preservation';
import { useLegalRequestSaving } from '../api/get-legal-request';
import { CaseMutationError } from './case-mutation-error';

interface PreservationSectionProps {
  request: LegalRequestView;
  onReload: () => void;
}

/** A preservation holds data for 90 days and may be extended once by 90 more. */
export function PreservationSection({ request, onReload }: PreservationSectionProps) {
  const extend = useExtendPreservation(request.id);
  const saving = useLegalRequestSaving(request.id);
  const { preservation } = request;
  if (!preservation) return null;
  return (
    <section className="panel stack" aria-labelledby="case-preservation">
      <h2 id="case-preservation">Preservation</h2>
      <dl className="details">
        <dt>Expires</dt>
        <dd>{formatDateTime(preservation.expiresAt)}</dd>
        <dt>Extended</dt>
        <dd>{preservation.extended ? 'Yes (once, by 90 days)' : 'No'}</dd>
      </dl>
      <CaseMutationError
        error={extend.error}
        onReload={() => {
          extend.reset();
          onReload();
        }}
      />
      {!preservation.extended && !isEnded(request.status) ? (
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={saving}
            onClick={() => extend.mutate({ version: request.version })}
          >
            {extend.isPending ? 'Extending…' : 'Extend by 90 days'}
          </button>
        </div>
      ) : null}
    </section>
  );
}
