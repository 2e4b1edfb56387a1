import {
  type ComplaintView,
  type UpdateComplaintInput,
  updateComplaintSchema,
} from '@docket/shared/complaints.schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { emptyToNull } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useAsOpened } from '../../../lib/use-as-opened';
import { useComplaintCategories } from '../api/get-complaint-categories';
import { useUpdateComplaint } from '../api/update-complaint';
import { ComplaintMutationError } from './complaint-mutation-error';

interface EditValues {
  category: string;
  summary: string;
  complainant: { name: string; email: string; phone: string; postalAddress: string };
}

interface EditComplaintFormProps {
  complaint: ComplaintView;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}

type Complainant = NonNullable<UpdateComplaintInput['complainant']>;

/** Corrects the category, the summary or the complainant's details; sends only what changed. */
export function EditComplaintForm({ complaint: current, onSaved, onCancel, onReload }: EditComplaintFormProps) {
  const complaint = useAsOpened(current);
  const update = useUpdateComplaint(complaint.id);
  const categories = useComplaintCategories();
  const [placed, setPlaced] = useState<string[]>([]);
  const [resolver] = useState(() =>
    mappedResolver(
      updateComplaintSchema,
      (values: EditValues): UpdateComplaintInput => ({
        version: complaint.version,
        category: values.category,
        summary: values.summary,
        complainant: {
          name: values.complainant.name,
          email: emptyToNull(values.complainant.email),
          phone: emptyToNull(values.complainant.phone),
          postalAddress: emptyToNull(values.complainant.postalAddress),
        },
      }),
    ),
  );
  const before = complaint.complainant;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditValues, unknown, z.output<typeof updateComplaintSchema>>({
    resolver,
    defaultValues: {
      category: complaint.category,
      summary: complaint.summary ?? '',
      complainant: {
        name: before?.name ?? '',
        email: before?.email ?? '',
        phone: before?.phone ?? '',
        postalAddress: before?.postalAddress ?? '',
      },
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    // Only what changed, so the audit trail records the real edit.
    const changes: UpdateComplaintInput = { version: complaint.version };
    if (values.category !== undefined && values.category !== complaint.category) changes.category = values.category;
    if (values.summary !== undefined && values.summary !== (complaint.summary ?? '')) changes.summary = values.summary;
    const person: Complainant = {};
    const next = values.complainant ?? {};
    for (const key of ['name', 'email', 'phone', 'postalAddress'] as const) {
      const value = next[key] ?? null;
      if (value !== (before?.[key] ?? null)) (person as Record<string, string | null>)[key] = value;
    }
    if (Object.keys(person).length > 0) changes.complainant = person;
    if (Object.keys(changes).length === 1) {
      onCancel();
      return;
    }
    try {
      await update.mutateAsync(changes);
      onSaved();
    } catch (error) {
      setPlaced(
        applyServerIssues(error, setError, [
          'category',
          'summary',
          'complainant.name',
          'complainant.email',
          'complainant.phone',
          'complainant.postalAddress',
        ]),
      );
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <ComplaintMutationError
        error={update.error}
        shownFields={placed}
        onReload={() => {
          update.reset();
          onReload();
        }}
      />
      <SelectField label="Category" error={errors.category?.message} {...register('category')}>
        {categories.data?.map((category) => (
          <option key={category.code} value={category.code}>
            {category.label}
          </option>
        )) ?? <option value={complaint.category}>{complaint.category}</option>}
      </SelectField>
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
      <TextAreaField
        label="Postal address"
        error={errors.complainant?.postalAddress?.message}
        {...register('complainant.postalAddress')}
      />
      <TextAreaField label="Summary" rows={5} error={errors.summary?.message} {...register('summary')} />
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
