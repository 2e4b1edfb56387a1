import {
  addCorrespondenceSchema,
  type ComplaintView,
  type CorrespondenceView,
  closeEscalationSchema,
  contactDirections,
  type EscalationOutcome,
  type EscalationView,
  escalationOutcomes,
  updateEscalationSchema,
} from '@docket/shared/complaints.schemas';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Dialog } from '../../../components/dialog';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { emptyToNull, isoToLocal, localToIso, nowLocal } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useAsOpened } from '../../../lib/use-as-opened';
import { useLatest } from '../../../lib/use-latest';
import { useAddCorrespondence } from '../api/add-correspondence';
import { useCloseEscalation } from '../api/close-escalation';
import { useUpdateEscalation } from '../api/update-escalation';
import { useUploadCorrespondenceAttachment } from '../api/upload-correspondence-attachment';
import { correspondenceDirectionLabels, escalationOutcomeLabels } from '../labels';
import { AttachmentsList } from './attachments-list';
import { ComplaintMutationError } from './complaint-mutation-error';
import { FileUploadForm } from './file-upload-form';

interface EscalationProps {
  complaint: ComplaintView;
  escalation: EscalationView;
  onReload: () => void;
}

interface UpdateValues {
  regulatorReference: string;
  regulatorDeadlineAt: string;
}

function UpdateEscalationForm({
  complaint,
  escalation: current,
  onReload,
  onDone,
}: EscalationProps & { onDone: () => void }) {
  const escalation = useAsOpened(current);
  const update = useUpdateEscalation(complaint.id, escalation.id);
  const [placed, setPlaced] = useState<string[]>([]);
  const [resolver] = useState(() =>
    mappedResolver(updateEscalationSchema, (values: UpdateValues) => ({
      version: escalation.version,
      regulatorReference: emptyToNull(values.regulatorReference),
      regulatorDeadlineAt: values.regulatorDeadlineAt ? localToIso(values.regulatorDeadlineAt) : null,
    })),
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UpdateValues, unknown, z.output<typeof updateEscalationSchema>>({
    resolver,
    defaultValues: {
      regulatorReference: escalation.regulatorReference ?? '',
      regulatorDeadlineAt: isoToLocal(escalation.regulatorDeadlineAt),
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await update.mutateAsync(values);
      onDone();
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['regulatorReference', 'regulatorDeadlineAt']));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <ComplaintMutationError
        error={update.error}
        shownFields={placed}
        subject="this escalation"
        onReload={() => {
          update.reset();
          onDone();
          onReload();
        }}
      />
      <TextField
        label="Regulator's reference"
        autoComplete="off"
        error={errors.regulatorReference?.message}
        {...register('regulatorReference')}
      />
      <TextField
        label="Regulator's deadline"
        type="datetime-local"
        hint="Empty = none set."
        error={errors.regulatorDeadlineAt?.message}
        {...register('regulatorDeadlineAt')}
      />
      <div className="actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}

interface CorrespondenceValues {
  occurredAt: string;
  direction: CorrespondenceView['direction'];
  summary: string;
}

const correspondenceResolver = mappedResolver(addCorrespondenceSchema, (values: CorrespondenceValues) => ({
  occurredAt: localToIso(values.occurredAt),
  direction: values.direction,
  summary: values.summary,
}));

function AddCorrespondenceForm({ complaint, escalation, onReload }: EscalationProps) {
  const add = useAddCorrespondence(complaint.id, escalation.id);
  const [placed, setPlaced] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CorrespondenceValues, unknown, z.output<typeof addCorrespondenceSchema>>({
    resolver: correspondenceResolver,
    defaultValues: { occurredAt: nowLocal(), direction: 'in', summary: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await add.mutateAsync(values);
      reset({ occurredAt: nowLocal(), direction: values.direction, summary: '' });
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['occurredAt', 'direction', 'summary']));
    }
  });

  return (
    <form className="stack-sm subpanel" onSubmit={onSubmit} noValidate aria-label="Log correspondence">
      <h4 className="h3">Log correspondence</h4>
      <ComplaintMutationError
        error={add.error}
        shownFields={placed}
        onReload={() => {
          add.reset();
          onReload();
        }}
      />
      <div className="form-grid">
        <TextField label="When" type="datetime-local" error={errors.occurredAt?.message} {...register('occurredAt')} />
        <SelectField label="Direction" error={errors.direction?.message} {...register('direction')}>
          {contactDirections.map((direction) => (
            <option key={direction} value={direction}>
              {correspondenceDirectionLabels[direction]}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label="Summary"
        rows={3}
        hint="Each letter restarts the three-month update clock."
        error={errors.summary?.message}
        {...register('summary')}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Adding…' : 'Add correspondence'}
        </button>
      </div>
    </form>
  );
}

interface CloseValues {
  outcome: EscalationOutcome | '';
  closedAt: string;
}

// The shared rules, with words for an outcome left on "Choose…".
const closeSchema = closeEscalationSchema.extend({
  outcome: z.enum(escalationOutcomes, { error: "Choose the regulator's outcome" }),
});

function CloseEscalationForm({ complaint, escalation, onReload }: EscalationProps) {
  const close = useCloseEscalation(complaint.id, escalation.id);
  const version = useLatest(escalation.version);
  const [placed, setPlaced] = useState<string[]>([]);
  const [resolver] = useState(() =>
    mappedResolver(closeSchema, (values: CloseValues) => ({
      version: version.current,
      outcome: values.outcome as EscalationOutcome,
      closedAt: localToIso(values.closedAt),
    })),
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CloseValues, unknown, z.output<typeof closeSchema>>({
    resolver,
    defaultValues: { outcome: '', closedAt: nowLocal() },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await close.mutateAsync(values);
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['outcome', 'closedAt']));
    }
  });

  return (
    <form className="stack-sm subpanel" onSubmit={onSubmit} noValidate aria-label="Close the escalation">
      <h4 className="h3">Close the escalation</h4>
      <ComplaintMutationError
        error={close.error}
        shownFields={placed}
        subject="this escalation"
        onReload={() => {
          close.reset();
          onReload();
        }}
      />
      <div className="form-grid">
        <SelectField label="Outcome" error={errors.outcome?.message} {...register('outcome')}>
          <option value="" disabled>
            Choose…
          </option>
          {escalationOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {escalationOutcomeLabels[outcome]}
            </option>
          ))}
        </SelectField>
        <TextField label="Closed on" type="datetime-local" error={errors.closedAt?.message} {...register('closedAt')} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Closing…' : 'Close escalation'}
        </button>
      </div>
    </form>
  );
}

function CorrespondenceUpload({
  complaint,
  escalation,
  entry,
  onReload,
}: EscalationProps & { entry: CorrespondenceView }) {
  const upload = useUploadCorrespondenceAttachment({
    complaintId: complaint.id,
    escalationId: escalation.id,
    correspondenceId: entry.id,
  });
  return (
    <details className="entry-upload">
      <summary>Attach a file</summary>
      <FileUploadForm
        label={`Attach a file to the correspondence of ${formatDateTime(entry.occurredAt)}`}
        upload={upload}
        fixedKind="correspondence"
        onReload={onReload}
      />
    </details>
  );
}

/** One escalation: the regulator, its reference and deadlines, the correspondence log, the outcome. */
export function EscalationCard({ complaint, escalation, canWrite, onReload }: EscalationProps & { canWrite: boolean }) {
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const open = !escalation.closedAt;
  const entries = [...escalation.correspondence].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return (
    <section className="escalation-card stack" aria-labelledby={headingId}>
      <div className="page-header">
        <h3 id={headingId}>
          Escalation to {escalation.regulatorName} <span className="muted small">({escalation.regulatorCountry})</span>
        </h3>
        {open ? <span className="badge badge-warning">Open</span> : <span className="badge badge-neutral">Closed</span>}
      </div>
      <dl className="details">
        <dt>Escalated on</dt>
        <dd>{formatDateTime(escalation.openedAt)}</dd>
        <dt>Regulator's reference</dt>
        <dd>{escalation.regulatorReference ?? <span className="muted">None yet</span>}</dd>
        <dt>Regulator's deadline</dt>
        <dd>{escalation.regulatorDeadlineAt ? formatDateTime(escalation.regulatorDeadlineAt) : 'None set'}</dd>
        {open ? (
          <>
            <dt>Next update due</dt>
            <dd>{formatDateTime(escalation.updateDueAt)}</dd>
          </>
        ) : (
          <>
            <dt>Outcome</dt>
            <dd>{escalation.outcome ? escalationOutcomeLabels[escalation.outcome] : '—'}</dd>
            <dt>Closed on</dt>
            <dd>{formatDateTime(escalation.closedAt)}</dd>
          </>
        )}
        {escalation.sentSummary !== undefined ? (
          <>
            <dt>What was sent</dt>
            <dd className="pre-line">{escalation.sentSummary}</dd>
          </>
        ) : null}
      </dl>
      {canWrite && open ? (
        <div>
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            Update reference or deadline
          </button>
        </div>
      ) : null}

      <h4 className="h3">Correspondence</h4>
      {entries.length === 0 ? (
        <p className="muted">No correspondence logged yet.</p>
      ) : (
        <ol className="entries">
          {entries.map((entry) => (
            <li key={entry.id} className="entry stack-sm">
              <p className="entry-meta">
                <span className={`badge ${entry.direction === 'in' ? 'badge-neutral' : 'badge-accent'}`}>
                  {correspondenceDirectionLabels[entry.direction]}
                </span>{' '}
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
              </p>
              {entry.summary !== undefined ? <p className="pre-line">{entry.summary}</p> : null}
              <AttachmentsList complaintId={complaint.id} attachments={entry.attachments} />
              {canWrite ? (
                <CorrespondenceUpload complaint={complaint} escalation={escalation} entry={entry} onReload={onReload} />
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canWrite ? <AddCorrespondenceForm complaint={complaint} escalation={escalation} onReload={onReload} /> : null}
      {canWrite && open ? (
        <CloseEscalationForm complaint={complaint} escalation={escalation} onReload={onReload} />
      ) : null}

      <Dialog title="Update escalation" open={editing} onClose={() => setEditing(false)}>
        {editing ? (
          <UpdateEscalationForm
            complaint={complaint}
            escalation={escalation}
            onReload={onReload}
            onDone={() => setEditing(false)}
          />
        ) : null}
      </Dialog>
    </section>
  );
}
