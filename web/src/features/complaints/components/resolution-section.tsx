import {
  type ComplaintOutcome,
  type ComplaintView,
  complaintOutcomes,
  type ResolveComplaintInput,
  resolveComplaintSchema,
} from '@docket/shared/complaints.schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { localToIso, nowLocal } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useLatest } from '../../../lib/use-latest';
import { useResolveComplaint } from '../api/resolve-complaint';
import { complaintOutcomeLabels } from '../labels';
import { ComplaintMutationError } from './complaint-mutation-error';

interface ResolutionValues {
  outcome: ComplaintOutcome | '';
  finalResponseSentAt: string;
  finalResponseSummary: string;
  toldOfRegulatorRight: boolean;
}

// The shared rules, with words for an outcome left on "Choose…".
const resolutionSchema = resolveComplaintSchema.extend({
  outcome: z.enum(complaintOutcomes, { error: 'Choose the outcome' }),
});

function ResolutionForm({ complaint, onReload }: { complaint: ComplaintView; onReload: () => void }) {
  const resolve = useResolveComplaint(complaint.id);
  const version = useLatest(complaint.version);
  const [placed, setPlaced] = useState<string[]>([]);
  const [resolver] = useState(() =>
    mappedResolver(
      resolutionSchema,
      (values: ResolutionValues): ResolveComplaintInput & { outcome: ComplaintOutcome } => ({
        version: version.current,
        outcome: values.outcome as ComplaintOutcome,
        finalResponseSentAt: localToIso(values.finalResponseSentAt),
        finalResponseSummary: values.finalResponseSummary,
        toldOfRegulatorRight: values.toldOfRegulatorRight,
      }),
    ),
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResolutionValues, unknown, z.output<typeof resolutionSchema>>({
    resolver,
    defaultValues: {
      outcome: '',
      finalResponseSentAt: nowLocal(),
      finalResponseSummary: '',
      toldOfRegulatorRight: false,
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await resolve.mutateAsync(values);
    } catch (error) {
      setPlaced(
        applyServerIssues(error, setError, [
          'outcome',
          'finalResponseSentAt',
          'finalResponseSummary',
          'toldOfRegulatorRight',
        ]),
      );
    }
  });

  return (
    <form className="stack subpanel" onSubmit={onSubmit} noValidate aria-label="Record the resolution">
      <ComplaintMutationError
        error={resolve.error}
        shownFields={placed}
        onReload={() => {
          resolve.reset();
          onReload();
        }}
      />
      <div className="form-grid">
        <SelectField label="Outcome" error={errors.outcome?.message} {...register('outcome')}>
          <option value="" disabled>
            Choose…
          </option>
          {complaintOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {complaintOutcomeLabels[outcome]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Final response sent at"
          type="datetime-local"
          error={errors.finalResponseSentAt?.message}
          {...register('finalResponseSentAt')}
        />
      </div>
      <TextAreaField
        label="Final response"
        rows={4}
        hint="What we told the complainant, in short."
        error={errors.finalResponseSummary?.message}
        {...register('finalResponseSummary')}
      />
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" {...register('toldOfRegulatorRight')} />
          The complainant was told of their right to take the complaint to the regulator
        </label>
        {errors.toldOfRegulatorRight ? <p className="field-error">{errors.toldOfRegulatorRight.message}</p> : null}
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Recording…' : 'Record resolution'}
        </button>
      </div>
    </form>
  );
}

interface ResolutionSectionProps {
  complaint: ComplaintView;
  canWrite: boolean;
  onReload: () => void;
}

export function ResolutionSection({ complaint, canWrite, onReload }: ResolutionSectionProps) {
  const { resolution } = complaint;
  const canResolve = canWrite && complaint.status === 'investigating';
  if (!resolution && !canResolve) return null;
  return (
    <section className="panel stack" aria-labelledby="complaint-resolution">
      <h2 id="complaint-resolution">Resolution</h2>
      {resolution ? (
        <dl className="details">
          <dt>Outcome</dt>
          <dd>{complaintOutcomeLabels[resolution.outcome]}</dd>
          <dt>Final response sent</dt>
          <dd>{formatDateTime(resolution.finalResponseSentAt)}</dd>
          {resolution.finalResponseSummary !== undefined ? (
            <>
              <dt>Final response</dt>
              <dd className="pre-line">{resolution.finalResponseSummary}</dd>
            </>
          ) : null}
          <dt>Told of the right to go to the regulator</dt>
          <dd>{resolution.toldOfRegulatorRight ? 'Yes' : 'No'}</dd>
        </dl>
      ) : (
        <p className="muted">Resolve the complaint directly: record the outcome and the final response sent.</p>
      )}
      {canResolve ? <ResolutionForm complaint={complaint} onReload={onReload} /> : null}
    </section>
  );
}
