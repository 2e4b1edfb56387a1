import { type ComplaintView, type OpenEscalationInput, openEscalationSchema } from '@docket/shared/complaints.schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { emptyToNull, localToIso, nowLocal } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useLatest } from '../../../lib/use-latest';
import { useRegulators } from '../../regulators/api/get-regulators';
import { regulatorOptionLabel } from '../../regulators/labels';
import { useOpenEscalation } from '../api/open-escalation';
import { ComplaintMutationError } from './complaint-mutation-error';
import { EscalationCard } from './escalation-card';

interface OpenValues {
  regulatorId: string;
  openedAt: string;
  regulatorReference: string;
  regulatorDeadlineAt: string;
  sentSummary: string;
}

function OpenEscalationForm({ complaint, onReload }: { complaint: ComplaintView; onReload: () => void }) {
  const open = useOpenEscalation(complaint.id);
  const regulators = useRegulators();
  const version = useLatest(complaint.version);
  const [placed, setPlaced] = useState<string[]>([]);
  const [resolver] = useState(() =>
    mappedResolver(
      openEscalationSchema,
      (values: OpenValues): OpenEscalationInput => ({
        version: version.current,
        regulatorId: values.regulatorId,
        openedAt: localToIso(values.openedAt),
        regulatorReference: emptyToNull(values.regulatorReference),
        regulatorDeadlineAt: values.regulatorDeadlineAt ? localToIso(values.regulatorDeadlineAt) : null,
        sentSummary: values.sentSummary,
      }),
    ),
  );
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<OpenValues, unknown, z.output<typeof openEscalationSchema>>({
    resolver,
    defaultValues: {
      regulatorId: '',
      openedAt: nowLocal(),
      regulatorReference: '',
      regulatorDeadlineAt: '',
      sentSummary: '',
    },
  });
  // A regulator already working on this complaint is not offered twice.
  const already = new Set(complaint.escalations.filter((e) => !e.closedAt).map((e) => e.regulatorId));
  const choices = regulators.data?.filter((r) => r.active && !already.has(r.id)) ?? [];
  const another = complaint.escalations.length > 0;

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await open.mutateAsync(values);
      reset();
    } catch (error) {
      setPlaced(
        applyServerIssues(error, setError, [
          'regulatorId',
          'openedAt',
          'regulatorReference',
          'regulatorDeadlineAt',
          'sentSummary',
        ]),
      );
    }
  });

  const title = another ? 'Escalate to another regulator' : 'Escalate to a regulator';
  return (
    <form className="stack subpanel" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <ComplaintMutationError
        error={open.error}
        shownFields={placed}
        onReload={() => {
          open.reset();
          onReload();
        }}
      />
      <div className="form-grid">
        <SelectField label="Regulator" error={errors.regulatorId?.message} {...register('regulatorId')}>
          <option value="" disabled>
            {regulators.isPending ? 'Loading regulators…' : 'Choose…'}
          </option>
          {choices.map((regulator) => (
            <option key={regulator.id} value={regulator.id}>
              {regulatorOptionLabel(regulator)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Escalated on"
          type="datetime-local"
          error={errors.openedAt?.message}
          {...register('openedAt')}
        />
        <TextField
          label="Regulator's reference"
          autoComplete="off"
          hint="If they gave one already; it can be added later."
          error={errors.regulatorReference?.message}
          {...register('regulatorReference')}
        />
        <TextField
          label="Regulator's deadline"
          type="datetime-local"
          hint="If they set one."
          error={errors.regulatorDeadlineAt?.message}
          {...register('regulatorDeadlineAt')}
        />
      </div>
      <TextAreaField
        label="What was sent"
        rows={3}
        hint="What we sent the regulator, in short."
        error={errors.sentSummary?.message}
        {...register('sentSummary')}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Escalating…' : 'Escalate'}
        </button>
      </div>
    </form>
  );
}

interface EscalationsSectionProps {
  complaint: ComplaintView;
  canWrite: boolean;
  onReload: () => void;
}

export function EscalationsSection({ complaint, canWrite, onReload }: EscalationsSectionProps) {
  const canOpen = canWrite && (complaint.status === 'investigating' || complaint.status === 'escalated');
  if (complaint.escalations.length === 0 && !canOpen) return null;
  return (
    <section className="panel stack" aria-labelledby="complaint-escalations">
      <h2 id="complaint-escalations">Escalations</h2>
      {complaint.escalations.length === 0 ? (
        <p className="muted">Not escalated. Escalate when the complaint cannot be resolved directly.</p>
      ) : (
        complaint.escalations.map((escalation) => (
          <EscalationCard
            key={escalation.id}
            complaint={complaint}
            escalation={escalation}
            canWrite={canWrite && complaint.status !== 'closed'}
            onReload={onReload}
          />
        ))
      )}
      {canOpen ? <OpenEscalationForm complaint={complaint} onReload={onReload} /> : null}
    </section>
  );
}
