import {
  type ComplaintView,
  type CreateComplaintInput,
  complaintChannels,
  createComplaintSchema,
  type Regime,
  regimeLabels,
  regimes,
} from '@docket/shared/complaints.schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { emptyToNull, localToIso, nowLocal } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useCreateComplaint } from '../api/create-complaint';
import { useComplaintCategories } from '../api/get-complaint-categories';
import { complaintChannelLabels } from '../labels';

interface LogValues {
  channel: ComplaintView['channel'] | '';
  receivedAt: string;
  complainant: { name: string; email: string; phone: string; postalAddress: string };
  category: string;
  regime: Regime | '';
  summary: string;
}

function toInput(values: LogValues): CreateComplaintInput & { regime: Regime } {
  return {
    channel: values.channel as ComplaintView['channel'],
    receivedAt: localToIso(values.receivedAt),
    complainant: {
      name: values.complainant.name,
      email: emptyToNull(values.complainant.email),
      phone: emptyToNull(values.complainant.phone),
      postalAddress: emptyToNull(values.complainant.postalAddress),
    },
    category: values.category,
    regime: values.regime as Regime,
    summary: values.summary,
  };
}

// The API falls back to the default regime when none is sent; a person logging a complaint must choose,
// since the regime sets every deadline.
const logSchema = createComplaintSchema.extend({
  // The same rules, in words for a select left on "Choose…".
  channel: z.enum(complaintChannels, { error: 'Choose how the complaint arrived' }),
  category: z.string().min(1, { error: 'Choose a category' }).pipe(createComplaintSchema.shape.category),
  regime: z.enum(regimes, { error: 'Choose the rules that apply to this complaint' }),
});
const resolver = mappedResolver(logSchema, toInput);

const serverFields = [
  'channel',
  'receivedAt',
  'complainant.name',
  'complainant.email',
  'complainant.phone',
  'complainant.postalAddress',
  'category',
  'regime',
  'summary',
] as const;

interface CreateComplaintFormProps {
  onCreated: (complaint: ComplaintView) => void;
  onCancel: () => void;
}

export function CreateComplaintForm({ onCreated, onCancel }: CreateComplaintFormProps) {
  // One key per form: a double submit (or a retry after a lost answer) logs one complaint.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const createComplaint = useCreateComplaint(idempotencyKey);
  const categories = useComplaintCategories();
  const [placed, setPlaced] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LogValues, unknown, z.output<typeof logSchema>>({
    resolver,
    defaultValues: {
      channel: '',
      receivedAt: nowLocal(),
      complainant: { name: '', email: '', phone: '', postalAddress: '' },
      category: '',
      regime: '',
      summary: '',
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      onCreated(await createComplaint.mutateAsync(values));
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, serverFields));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Log a complaint">
      <ErrorAlert error={createComplaint.error} shownFields={placed} />

      <div className="form-grid">
        <SelectField label="Channel" error={errors.channel?.message} {...register('channel')}>
          <option value="" disabled>
            Choose…
          </option>
          {complaintChannels.map((channel) => (
            <option key={channel} value={channel}>
              {complaintChannelLabels[channel]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Received at"
          type="datetime-local"
          hint="When the complaint reached us: the deadlines run from here."
          error={errors.receivedAt?.message}
          {...register('receivedAt')}
        />
        <SelectField label="Category" error={errors.category?.message} {...register('category')}>
          <option value="" disabled>
            {categories.isPending ? 'Loading categories…' : 'Choose…'}
          </option>
          {categories.data?.map((category) => (
            <option key={category.code} value={category.code}>
              {category.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Regime" error={errors.regime?.message} {...register('regime')}>
          <option value="" disabled>
            Choose…
          </option>
          {regimes.map((regime) => (
            <option key={regime} value={regime}>
              {regimeLabels[regime]}
            </option>
          ))}
        </SelectField>
      </div>

      <fieldset className="fieldset stack">
        <legend>Complainant</legend>
        <p className="field-hint">Personal data: stored encrypted, shown only to roles that handle complaints.</p>
        <div className="form-grid">
          <TextField
            label="Name"
            autoComplete="off"
            error={errors.complainant?.name?.message}
            {...register('complainant.name')}
          />
          <TextField
            label="Email"
            type="email"
            autoComplete="off"
            error={errors.complainant?.email?.message}
            {...register('complainant.email')}
          />
          <TextField
            label="Phone"
            type="tel"
            autoComplete="off"
            error={errors.complainant?.phone?.message}
            {...register('complainant.phone')}
          />
        </div>
        <TextAreaField
          label="Postal address"
          rows={3}
          error={errors.complainant?.postalAddress?.message}
          {...register('complainant.postalAddress')}
        />
      </fieldset>

      <TextAreaField
        label="Summary"
        rows={5}
        hint="What the person complains about, in their terms."
        error={errors.summary?.message}
        {...register('summary')}
      />

      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Logging…' : 'Log complaint'}
        </button>
      </div>
    </form>
  );
}
