import {
  type LegalRequestView,
  type UpdateLegalRequestInput,
  updateLegalRequestSchema,
} from '@docket/shared/legal-requests.schemas';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { emptyToNull, isoToLocal, localToIso } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useAsOpened } from '../../../lib/use-as-opened';
import { useAgencies } from '../../agencies/api/get-agencies';
import { useUpdateLegalRequest } from '../api/update-legal-request';
import { CaseMutationError } from './case-mutation-error';

interface EditValues {
  agencyId: string;
  country: string;
  dueAt: string;
  emergency: boolean;
  summary: string;
  nondisclosure: { kind: 'none' | 'until' | 'indefinite'; until: string; statute: string };
}

interface EditRequestFormProps {
  request: LegalRequestView;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}

/** The intake details that may change later (a late nondisclosure order, a corrected due date). */
export function EditRequestForm({ request: current, onSaved, onCancel, onReload }: EditRequestFormProps) {
  const request = useAsOpened(current);
  const update = useUpdateLegalRequest(request.id);
  const agencies = useAgencies();
  const [placed, setPlaced] = useState<string[]>([]);
  const [resolver] = useState(() =>
    mappedResolver(
      updateLegalRequestSchema,
      (values: EditValues): UpdateLegalRequestInput => ({
        version: request.version,
        agencyId: values.agencyId,
        country: values.country,
        dueAt: values.dueAt ? localToIso(values.dueAt) : null,
        emergency: values.emergency,
        summary: values.summary,
        nondisclosure: {
          kind: values.nondisclosure.kind,
          until: values.nondisclosure.kind === 'until' ? emptyToNull(values.nondisclosure.until) : null,
          statute: values.nondisclosure.kind === 'none' ? null : emptyToNull(values.nondisclosure.statute),
        },
      }),
    ),
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditValues, unknown, z.output<typeof updateLegalRequestSchema>>({
    resolver,
    defaultValues: {
      agencyId: request.agencyId,
      country: request.country,
      dueAt: isoToLocal(request.dueAt),
      emergency: request.emergency,
      summary: request.summary,
      nondisclosure: {
        kind: request.nondisclosure.kind,
        until: request.nondisclosure.until ?? '',
        statute: request.nondisclosure.statute ?? '',
      },
    },
  });
  const nondisclosureKind = useWatch({ control, name: 'nondisclosure.kind' });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    // Only what changed, so the audit trail records the real edit.
    const changes: UpdateLegalRequestInput = { version: request.version };
    if (values.agencyId !== request.agencyId) changes.agencyId = values.agencyId;
    if (values.country !== request.country) changes.country = values.country;
    const due = values.dueAt ? new Date(values.dueAt).getTime() : null;
    const dueBefore = request.dueAt ? new Date(request.dueAt).getTime() : null;
    if (due !== dueBefore) changes.dueAt = values.dueAt ?? null;
    if (values.emergency !== request.emergency) changes.emergency = values.emergency;
    if (values.summary !== request.summary) changes.summary = values.summary;
    const nd = values.nondisclosure;
    const before = request.nondisclosure;
    if (
      nd &&
      (nd.kind !== before.kind || (nd.until ?? null) !== before.until || (nd.statute ?? null) !== before.statute)
    ) {
      changes.nondisclosure = nd;
    }
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
          'agencyId',
          'country',
          'dueAt',
          'summary',
          'nondisclosure.until',
          'nondisclosure.statute',
        ]),
      );
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <CaseMutationError
        error={update.error}
        shownFields={placed}
        onReload={() => {
          update.reset();
          onReload();
        }}
      />
      <SelectField label="Requesting agency" error={errors.agencyId?.message} {...register('agencyId')}>
        {agencies.data?.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name} ({agency.country})
          </option>
        )) ?? <option value={request.agencyId}>{request.agencyName}</option>}
      </SelectField>
      <TextField label="Country" maxLength={2} error={errors.country?.message} {...register('country')} />
      <TextField
        label="Due at"
        type="datetime-local"
        hint="Empty = no response deadline."
        error={errors.dueAt?.message}
        {...register('dueAt')}
      />
      <label className="checkbox">
        <input type="checkbox" {...register('emergency')} />
        Emergency request
      </label>
      <TextAreaField label="Summary" rows={4} error={errors.summary?.message} {...register('summary')} />
      <SelectField label="Nondisclosure order" {...register('nondisclosure.kind')}>
        <option value="none">None</option>
        <option value="until">Until a date</option>
        <option value="indefinite">Indefinite</option>
      </SelectField>
      {nondisclosureKind === 'until' ? (
        <TextField
          label="Order ends on"
          type="date"
          error={errors.nondisclosure?.until?.message}
          {...register('nondisclosure.until')}
        />
      ) : null}
      {nondisclosureKind !== 'none' ? (
        <TextField
          label="Statute"
          error={errors.nondisclosure?.statute?.message}
          {...register('nondisclosure.statute')}
        />
      ) : null}
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
