import { followUpSchema, type LegalRequestView } from '@docket/shared/legal-requests.schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { TextAreaField, TextField } from '../../../components/text-field';
import { localToIso, nowLocal } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useLatest } from '../../../lib/use-latest';
import { useRecordFollowUp } from '../api/record-follow-up';
import { CaseMutationError } from './case-mutation-error';

interface CaseFormProps {
  request: LegalRequestView;
  onReload: () => void;
}

interface FollowUpValues {
  receivedAt: string;
  note: string;
}

function FollowUpForm({ request, onReload }: CaseFormProps) {
  const record = useRecordFollowUp(request.id);
  const version = useLatest(request.version);
  const [placed, setPlaced] = useState<string[]>([]);
  const [resolver] = useState(() =>
    mappedResolver(followUpSchema, (values: FollowUpValues) => ({
      version: version.current,
      receivedAt: localToIso(values.receivedAt),
      note: values.note.trim() ? values.note : undefined,
    })),
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FollowUpValues, unknown, z.output<typeof followUpSchema>>({
    resolver,
    defaultValues: { receivedAt: nowLocal(), note: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await record.mutateAsync(values);
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['receivedAt', 'note']));
    }
  });

  return (
    <form className="stack subpanel" onSubmit={onSubmit} noValidate aria-label="Record the follow-up legal process">
      <CaseMutationError
        error={record.error}
        shownFields={placed}
        onReload={() => {
          record.reset();
          onReload();
        }}
      />
      <TextField
        label="Follow-up received at"
        type="datetime-local"
        error={errors.receivedAt?.message}
        {...register('receivedAt')}
      />
      <TextAreaField label="Follow-up note" error={errors.note?.message} {...register('note')} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Recording…' : 'Record follow-up'}
        </button>
      </div>
    </form>
  );
}

/** Emergency disclosures must be followed by regular legal process; this tracks that it came. */
export function FollowUpSection({ request, onReload }: CaseFormProps) {
  const { followUp } = request;
  if (!followUp) return null;
  return (
    <section className="panel stack" aria-labelledby="case-follow-up">
      <h2 id="case-follow-up">Follow-up legal process</h2>
      <dl className="details">
        <dt>Due</dt>
        <dd>{formatDateTime(followUp.dueAt)}</dd>
        <dt>Received</dt>
        <dd>{followUp.receivedAt ? formatDateTime(followUp.receivedAt) : 'Not yet'}</dd>
      </dl>
      {followUp.receivedAt ? null : <FollowUpForm request={request} onReload={onReload} />}
    </section>
  );
}
