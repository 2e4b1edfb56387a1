import {
  type DecisionInput,
  type Disposition,
  decisionSchema,
  dispositions,
  type LegalRequestView,
} from '@docket/shared/legal-requests.schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { SelectField, TextAreaField } from '../../../components/text-field';
import { applyServerIssues } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useLatest } from '../../../lib/use-latest';
import { useRecordDecision } from '../api/record-decision';
import { dispositionLabels } from '../labels';
import { CaseMutationError } from './case-mutation-error';

interface CaseFormProps {
  request: LegalRequestView;
  onReload: () => void;
}

interface DecisionValues {
  disposition: Disposition | '';
  reason: string;
}

function DecisionForm({ request, onReload }: CaseFormProps) {
  const decide = useRecordDecision(request.id);
  const version = useLatest(request.version);
  const [placed, setPlaced] = useState<string[]>([]);
  const [resolver] = useState(() =>
    mappedResolver(
      decisionSchema,
      (values: DecisionValues): DecisionInput => ({
        version: version.current,
        disposition: values.disposition as Disposition,
        reason: values.reason,
      }),
    ),
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DecisionValues, unknown, z.output<typeof decisionSchema>>({
    resolver,
    defaultValues: { disposition: '', reason: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await decide.mutateAsync(values);
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['disposition', 'reason']));
    }
  });

  return (
    <form className="stack subpanel" onSubmit={onSubmit} noValidate aria-label="Record the decision">
      <CaseMutationError
        error={decide.error}
        shownFields={placed}
        onReload={() => {
          decide.reset();
          onReload();
        }}
      />
      <SelectField label="Disposition" error={errors.disposition?.message} {...register('disposition')}>
        <option value="" disabled>
          Choose…
        </option>
        {dispositions.map((d) => (
          <option key={d} value={d}>
            {dispositionLabels[d]}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="Reason" error={errors.reason?.message} {...register('reason')} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Recording…' : 'Record decision'}
        </button>
      </div>
    </form>
  );
}

export function DecisionSection({ request, onReload }: CaseFormProps) {
  const { decision } = request;
  if (!decision && request.status !== 'in_review') return null;
  return (
    <section className="panel stack" aria-labelledby="case-decision">
      <h2 id="case-decision">Decision</h2>
      {decision ? (
        <dl className="details">
          <dt>Disposition</dt>
          <dd>{dispositionLabels[decision.disposition]}</dd>
          <dt>Reason</dt>
          <dd className="pre-line">{decision.reason}</dd>
          <dt>Decided</dt>
          <dd>{formatDateTime(decision.decidedAt)}</dd>
        </dl>
      ) : null}
      {request.status === 'in_review' ? <DecisionForm request={request} onReload={onReload} /> : null}
    </section>
  );
}
