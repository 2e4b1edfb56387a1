import {
  type CreateRegulatorInput,
  createRegulatorSchema,
  type RegulatorView,
} from '@docket/shared/complaints.schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { SelectField, TextField } from '../../../components/text-field';
import { VersionConflictAlert } from '../../../components/version-conflict-alert';
import { isApiError } from '../../../lib/api-client';
import { emptyToNull } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useCreateRegulator } from '../api/create-regulator';
import { type UpdateRegulatorInput, useUpdateRegulator } from '../api/update-regulator';
import { regulatorKindLabels, regulatorKinds } from '../labels';

interface RegulatorFormValues {
  name: string;
  shortName: string;
  country: string;
  website: string;
  kind: RegulatorView['kind'];
  active: boolean;
}

const fields = ['name', 'shortName', 'country', 'website', 'kind', 'active'] as const;

function toInput(values: RegulatorFormValues): CreateRegulatorInput {
  return {
    name: values.name,
    shortName: emptyToNull(values.shortName),
    country: values.country,
    website: emptyToNull(values.website),
    kind: values.kind,
    active: values.active,
  };
}

const resolver = mappedResolver(createRegulatorSchema, toInput);

interface RegulatorFormProps {
  /** The regulator being edited; absent when adding one. */
  regulator?: RegulatorView | undefined;
  onSaved: (regulator: RegulatorView) => void;
  onCancel: () => void;
  onReload?: () => void;
}

/** Adds a regulator to the registry, or edits one (sending only what changed, with its version). */
export function RegulatorForm({ regulator, onSaved, onCancel, onReload }: RegulatorFormProps) {
  const createRegulator = useCreateRegulator();
  const updateRegulator = useUpdateRegulator();
  const mutation = regulator ? updateRegulator : createRegulator;
  const [placed, setPlaced] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RegulatorFormValues, unknown, z.output<typeof createRegulatorSchema>>({
    resolver,
    defaultValues: {
      name: regulator?.name ?? '',
      shortName: regulator?.shortName ?? '',
      country: regulator?.country ?? '',
      website: regulator?.website ?? '',
      kind: regulator?.kind ?? 'data_protection',
      active: regulator?.active ?? true,
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      if (regulator) {
        const changes: UpdateRegulatorInput = { version: regulator.version };
        if (values.name !== regulator.name) changes.name = values.name;
        if ((values.shortName ?? null) !== regulator.shortName) changes.shortName = values.shortName ?? null;
        if (values.country !== regulator.country) changes.country = values.country;
        if ((values.website ?? null) !== regulator.website) changes.website = values.website ?? null;
        if (values.kind !== regulator.kind) changes.kind = values.kind;
        if (values.active !== regulator.active) changes.active = values.active;
        if (Object.keys(changes).length === 1) {
          onCancel();
          return;
        }
        onSaved(await updateRegulator.mutateAsync({ id: regulator.id, changes }));
      } else {
        onSaved(await createRegulator.mutateAsync(values));
      }
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, fields));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {isApiError(mutation.error, 'version_conflict') && onReload ? (
        <VersionConflictAlert subject="this regulator" onReload={onReload} />
      ) : (
        <ErrorAlert error={mutation.error} shownFields={placed} />
      )}
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...register('name')} />
      <TextField
        label="Short name"
        autoComplete="off"
        hint="The usual abbreviation, such as CNIL or ICO."
        error={errors.shortName?.message}
        {...register('shortName')}
      />
      <TextField
        label="Country"
        autoComplete="off"
        maxLength={2}
        hint="Two-letter ISO code, such as FR or IE."
        error={errors.country?.message}
        {...register('country')}
      />
      <TextField
        label="Website"
        type="url"
        autoComplete="off"
        placeholder="https://"
        error={errors.website?.message}
        {...register('website')}
      />
      <SelectField label="Kind" error={errors.kind?.message} {...register('kind')}>
        {regulatorKinds.map((kind) => (
          <option key={kind} value={kind}>
            {regulatorKindLabels[kind]}
          </option>
        ))}
      </SelectField>
      <label className="checkbox">
        <input type="checkbox" {...register('active')} />
        Active: offered when escalating a complaint
      </label>
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : regulator ? 'Save changes' : 'Add regulator'}
        </button>
      </div>
    </form>
  );
}
