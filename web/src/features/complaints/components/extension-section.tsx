import { type ComplaintView, extendComplaintSchema } from '@docket/shared/complaints.schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { TextAreaField, TextField } from '../../../components/text-field';
import { localToIso, nowLocal } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useLatest } from '../../../lib/use-latest';
import { useExtendComplaint } from '../api/extend-complaint';
import { ComplaintMutationError } from './complaint-mutation-error';

interface ExtensionValues {
  reason: string;
  complainantToldAt: string;
}

function ExtensionForm({ complaint, onReload }: { complaint: ComplaintView; onReload: () => void }) {
  const extend = useExtendComplaint(complaint.id);
  const version = useLatest(complaint.version);
  const [placed, setPlaced] = useState<string[]>([]);
  const [resolver] = useState(() =>
    mappedResolver(extendComplaintSchema, (values: ExtensionValues) => ({
      version: version.current,
      reason: values.reason,
      complainantToldAt: localToIso(values.complainantToldAt),
    })),
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ExtensionValues, unknown, z.output<typeof extendComplaintSchema>>({
    resolver,
    defaultValues: { reason: '', complainantToldAt: nowLocal() },
  });
  const notice = complaint.clocks.find((clock) => clock.kind === 'extension_notice');

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await extend.mutateAsync(values);
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['reason', 'complainantToldAt']));
    }
  });

  return (
    <form className="stack subpanel" onSubmit={onSubmit} noValidate aria-label="Extend the deadline">
      <h3>Extend the deadline by two months</h3>
      <p className="field-hint">
        Once, for a complex or numerous request, and only if the complainant is told within the first month
        {notice ? ` (by ${formatDateTime(notice.dueAt)})` : ''}.
      </p>
      <ComplaintMutationError
        error={extend.error}
        shownFields={placed}
        onReload={() => {
          extend.reset();
          onReload();
        }}
      />
      <TextAreaField label="Reason for the extension" error={errors.reason?.message} {...register('reason')} />
      <TextField
        label="Complainant told at"
        type="datetime-local"
        error={errors.complainantToldAt?.message}
        {...register('complainantToldAt')}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Extending…' : 'Extend deadline'}
        </button>
      </div>
    </form>
  );
}

interface ExtensionSectionProps {
  complaint: ComplaintView;
  canWrite: boolean;
  onReload: () => void;
}

/** GDPR Art. 12(3): one month, extendable once by two more. Other regimes have no extension. */
export function ExtensionSection({ complaint, canWrite, onReload }: ExtensionSectionProps) {
  if (complaint.regime !== 'gdpr') return null;
  const { extension } = complaint;
  // Offered while its window runs: the complainant must be told within the first month, and once the
  // complaint is answered (resolved, escalated, closed) the server shows no such clock and there is nothing to extend.
  const window = complaint.clocks.find((clock) => clock.kind === 'extension_notice');
  const canExtend = canWrite && !extension && window !== undefined && window.state !== 'overdue';
  if (!extension && !canExtend) return null;
  return (
    <section className="panel stack" aria-labelledby="complaint-extension">
      <h2 id="complaint-extension">Extension</h2>
      {extension ? (
        <dl className="details">
          <dt>Reason</dt>
          <dd className="pre-line">{extension.reason}</dd>
          <dt>Complainant told</dt>
          <dd>{formatDateTime(extension.complainantToldAt)}</dd>
          <dt>Response now due</dt>
          <dd>{formatDateTime(complaint.responseDueAt)}</dd>
        </dl>
      ) : null}
      {canExtend ? <ExtensionForm complaint={complaint} onReload={onReload} /> : null}
    </section>
  );
}
