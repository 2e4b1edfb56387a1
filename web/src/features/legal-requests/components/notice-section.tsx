import {
  type LegalRequestView,
  type NoticeDecision,
  type NoticeInput,
  noticeDecisions,
  noticeSchema,
} from '@docket/shared/legal-requests.schemas';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { localToIso } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useLatest } from '../../../lib/use-latest';
import { useRecordNotice } from '../api/record-notice';
import { noticeDecisionLabels } from '../labels';
import { CaseMutationError } from './case-mutation-error';

interface CaseFormProps {
  request: LegalRequestView;
  onReload: () => void;
}

/** Same rule as the server: an indefinite order, or one that ends after today, forbids notice. */
function nondisclosureActive(nd: LegalRequestView['nondisclosure'], now = new Date()): boolean {
  if (nd.kind === 'indefinite') return true;
  return nd.kind === 'until' && !!nd.until && new Date(`${nd.until}T00:00:00Z`) > now;
}

function nondisclosureText(nd: LegalRequestView['nondisclosure']): string {
  if (nd.kind === 'none') return 'None';
  const statute = nd.statute ? ` (${nd.statute})` : '';
  return nd.kind === 'indefinite' ? `Indefinite${statute}` : `Until ${formatDate(nd.until)}${statute}`;
}

interface NoticeValues {
  decision: NoticeDecision | '';
  reason: string;
  notifiedAt: string;
}

function NoticeForm({ request, onReload }: CaseFormProps) {
  const record = useRecordNotice(request.id);
  const version = useLatest(request.version);
  const [placed, setPlaced] = useState<string[]>([]);
  const [resolver] = useState(() =>
    mappedResolver(
      noticeSchema,
      (values: NoticeValues): NoticeInput => ({
        version: version.current,
        decision: values.decision as NoticeDecision,
        reason: values.reason,
        notifiedAt: values.decision === 'notify' && values.notifiedAt ? localToIso(values.notifiedAt) : null,
      }),
    ),
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<NoticeValues, unknown, z.output<typeof noticeSchema>>({
    resolver,
    defaultValues: { decision: '', reason: '', notifiedAt: '' },
  });
  const decision = useWatch({ control, name: 'decision' });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await record.mutateAsync(values);
      reset();
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['decision', 'reason', 'notifiedAt']));
    }
  });

  return (
    <form className="stack subpanel" onSubmit={onSubmit} noValidate aria-label="Record the notice decision">
      <h3>{request.notice ? 'Change the notice decision' : 'Record the notice decision'}</h3>
      <CaseMutationError
        error={record.error}
        shownFields={placed}
        onReload={() => {
          record.reset();
          onReload();
        }}
      />
      <SelectField label="Notice decision" error={errors.decision?.message} {...register('decision')}>
        <option value="" disabled>
          Choose…
        </option>
        {noticeDecisions.map((d) => (
          <option key={d} value={d}>
            {noticeDecisionLabels[d]}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="Notice reason" error={errors.reason?.message} {...register('reason')} />
      {decision === 'notify' ? (
        <TextField
          label="Notified at"
          type="datetime-local"
          hint="When the person was told; leave empty if notice is still to be sent."
          error={errors.notifiedAt?.message}
          {...register('notifiedAt')}
        />
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Recording…' : 'Record notice decision'}
        </button>
      </div>
    </form>
  );
}

const decidedStatuses = new Set(['decided', 'responded', 'closed']);

export function NoticeSection({ request, onReload }: CaseFormProps) {
  const { notice, nondisclosure } = request;
  const active = nondisclosureActive(nondisclosure);
  return (
    <section className="panel stack" aria-labelledby="case-notice">
      <h2 id="case-notice">User notice</h2>
      <dl className="details">
        <dt>Nondisclosure order</dt>
        <dd>
          {nondisclosureText(nondisclosure)}{' '}
          {active ? <span className="badge badge-warning">In force: notice not allowed</span> : null}
        </dd>
        {notice ? (
          <>
            <dt>Decision</dt>
            <dd>{noticeDecisionLabels[notice.decision]}</dd>
            <dt>Reason</dt>
            <dd className="pre-line">{notice.reason}</dd>
            <dt>Decided</dt>
            <dd>{formatDateTime(notice.decidedAt)}</dd>
            {notice.decision === 'notify' ? (
              <>
                <dt>Notified</dt>
                <dd>{notice.notifiedAt ? formatDateTime(notice.notifiedAt) : 'Not yet'}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      {decidedStatuses.has(request.status) ? (
        <NoticeForm request={request} onReload={onReload} />
      ) : notice ? null : (
        <p className="muted">Notice is decided once the request is decided.</p>
      )}
    </section>
  );
}
