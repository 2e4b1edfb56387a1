import type { RetentionReport } from '@docket/shared/complaints.schemas';
import { useState } from 'react';
import { Dialog } from '../../components/dialog';
import { ErrorAlert } from '../../components/error-alert';
import { useRetentionReport } from '../../features/retention/api/get-retention-report';
import { useRunRetention } from '../../features/retention/api/run-retention';
import { RetentionTable } from '../../features/retention/components/retention-table';
import { formatDateTime } from '../../lib/format';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function RetentionPage() {
  const report = useRetentionReport();
  const run = useRunRetention();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<RetentionReport | null>(null);
  const candidates = report.data?.candidates ?? [];

  const erase = () =>
    run.mutate(undefined, {
      onSuccess: (answer) => {
        setResult(answer);
        setConfirming(false);
      },
    });

  return (
    <section className="stack">
      <h1>Retention</h1>
      <p className="muted">
        Closed complaints past the retention period lose the complainant's personal data: name, contact details,
        summaries, what was said, and the files. Status, dates, category, outcome and escalations stay, so reports keep
        their counts. The audit trail records each erasure.
      </p>

      {result ? (
        <p className="alert alert-success" role="status">
          {result.erased > 0
            ? `Personal data erased from ${plural(result.erased, 'complaint')}.`
            : 'Nothing was erased: no complaint had passed the retention period.'}
        </p>
      ) : null}

      {report.isPending ? <p aria-busy="true">Checking what would be erased…</p> : null}
      {report.isError ? <ErrorAlert error={report.error} /> : null}
      {report.data ? (
        <>
          <h2>Due for erasure now</h2>
          <p>
            Complaints closed before <strong>{formatDateTime(report.data.cutoff)}</strong>:{' '}
            {candidates.length === 0 ? 'none.' : `${plural(candidates.length, 'complaint')}.`}
          </p>
          {candidates.length > 0 ? (
            <>
              <RetentionTable candidates={candidates} />
              <div className="actions">
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => {
                    run.reset();
                    setResult(null);
                    setConfirming(true);
                  }}
                >
                  Erase now
                </button>
              </div>
            </>
          ) : (
            <p className="empty">Nothing to erase.</p>
          )}
        </>
      ) : null}

      <Dialog title="Erase personal data now?" open={confirming} onClose={() => setConfirming(false)}>
        <p>
          The personal data of {plural(candidates.length, 'complaint')} and{' '}
          {plural(
            candidates.reduce((sum, c) => sum + c.attachments, 0),
            'file',
          )}{' '}
          will be erased for good. This cannot be undone.
        </p>
        <ErrorAlert error={run.error} />
        <div className="actions">
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button type="button" className="button button-danger" disabled={run.isPending} onClick={erase}>
            {run.isPending ? 'Erasing…' : 'Erase personal data'}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
