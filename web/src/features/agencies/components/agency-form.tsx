import {
  type AgencyView,
  type CreateAgencyInput,
  createAgencySchema,
  type UpdateAgencyInput,
} from '@docket/shared/legal-requests.schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { VersionConflictAlert } from '../../../components/version-conflict-alert';
import { isApiError } from '../../../lib/api-client';
import { emptyToNull, isoToLocal, localToIso } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useCreateAgency } from '../api/create-agency';
import { useUpdateAgency } from '../api/update-agency';
import { AgencyKindOptions, VerificationMethodOptions } from './agency-options';

interface AgencyFormValues {
  name: string;
  kind: AgencyView['kind'] | '';
  country: string;
  contact: string;
  verificationMethod: string;
  verifiedAt: string;
}

const fields = ['name', 'kind', 'country', 'contact', 'verificationMethod', 'verifiedAt'] as const;

function toInput(values: AgencyFormValues): CreateAgencyInput {
  return {
    name: values.name,
    kind: values.kind as AgencyView['kind'],
    country: values.country,
    contact: values.contact,
    verificationMethod: emptyToNull(values.verificationMethod) as AgencyView['verificationMethod'],
    verifiedAt: values.verificationMethod && values.verifiedAt ? localToIso(values.verifiedAt) : null,
  };
}

const resolver = mappedResolver(createAgencySchema, toInput);

interface AgencyFormProps {
  /** The agency being edited; absent when adding one. */
  agency?: AgencyView | undefined;
  onSaved: (agency: AgencyView) => void;
  onCancel: () => void;
  onReload?: () => void;
}

/** Adds an agency to the registry, or edits one (sending only what changed, with its version). */
export function AgencyForm({ agency, onSaved, onCancel, onReload }: AgencyFormProps) {
  const createAgency = useCreateAgency();
  const updateAgency = useUpdateAgency();
  const mutation = agency ? updateAgency : createAgency;
  const [placed, setPlaced] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<AgencyFormValues, unknown, z.output<typeof createAgencySchema>>({
    // The edit form holds every field too, so both validate against the full agency schema;
    // an edit then sends only the changed fields with the version (updateAgencySchema).
    resolver,
    defaultValues: {
      name: agency?.name ?? '',
      kind: agency?.kind ?? '',
      country: agency?.country ?? '',
      contact: agency?.contact ?? '',
      verificationMethod: agency?.verificationMethod ?? '',
      verifiedAt: isoToLocal(agency?.verifiedAt),
    },
  });
  const verified = watch('verificationMethod') !== '';

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      if (agency) {
        const changes: UpdateAgencyInput = { version: agency.version };
        if (values.name !== agency.name) changes.name = values.name;
        if (values.kind !== agency.kind) changes.kind = values.kind;
        if (values.country !== agency.country) changes.country = values.country;
        if (values.contact !== agency.contact) changes.contact = values.contact;
        if ((values.verificationMethod ?? null) !== agency.verificationMethod) {
          changes.verificationMethod = values.verificationMethod ?? null;
        }
        const verifiedAt = values.verifiedAt ? new Date(values.verifiedAt).getTime() : null;
        const before = agency.verifiedAt ? new Date(agency.verifiedAt).getTime() : null;
        if (verifiedAt !== before) changes.verifiedAt = values.verifiedAt ?? null;
        if (Object.keys(changes).length === 1) {
          onCancel();
          return;
        }
        onSaved(await updateAgency.mutateAsync({ id: agency.id, changes }));
      } else {
        onSaved(await createAgency.mutateAsync(values));
      }
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, fields));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {isApiError(mutation.error, 'version_conflict') && onReload ? (
        <VersionConflictAlert subject="this agency" onReload={onReload} />
      ) : (
        <ErrorAlert error={mutation.error} shownFields={placed} />
      )}
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...register('name')} />
      <SelectField label="Kind" error={errors.kind?.message} {...register('kind')}>
        <option value="" disabled>
          Choose…
        </option>
        <AgencyKindOptions />
      </SelectField>
      <TextField
        label="Country"
        autoComplete="off"
        maxLength={2}
        hint="Two-letter ISO code, such as US or DE."
        error={errors.country?.message}
        {...register('country')}
      />
      <TextAreaField
        label="Verified contact"
        hint="Who to reach and how: name, phone, email, portal."
        error={errors.contact?.message}
        {...register('contact')}
      />
      <SelectField label="Verified by" error={errors.verificationMethod?.message} {...register('verificationMethod')}>
        <option value="">Not verified</option>
        <VerificationMethodOptions />
      </SelectField>
      {verified ? (
        <TextField
          label="Verified at"
          type="datetime-local"
          hint="Empty = now."
          error={errors.verifiedAt?.message}
          {...register('verifiedAt')}
        />
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : agency ? 'Save changes' : 'Add agency'}
        </button>
      </div>
    </form>
  );
}
