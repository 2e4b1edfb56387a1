import {
  type CreateLegalRequestInput,
  createLegalRequestSchema,
  type DataCategory,
  dataCategories,
  dataCategoryLabels,
  type IdentifierKind,
  identifierKinds,
  type LegalRequestView,
  type ProcessType,
  processTypeLabels,
  processTypes,
} from '@docket/shared/legal-requests.schemas';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { useCurrentUser } from '../../../app/current-user';
import { CheckboxGroup } from '../../../components/checkbox-group';
import { Dialog } from '../../../components/dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { emptyToNull, localToIso, nowLocal } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useAgencies } from '../../agencies/api/get-agencies';
import { AgencyForm } from '../../agencies/components/agency-form';
import { useCreateLegalRequest } from '../api/create-legal-request';
import { useAssignablePeople } from '../api/get-assignable-people';
import { identifierKindLabels } from '../labels';
import { AssigneeOptions } from './assignee-options';
import { LadderWarning } from './ladder-warning';

interface IntakeValues {
  processType: ProcessType | '';
  agencyId: string;
  country: string;
  receivedAt: string;
  dueAt: string;
  emergency: boolean;
  summary: string;
  identifiers: { kind: IdentifierKind; value: string }[];
  dataCategories: DataCategory[];
  dateRangeStart: string;
  dateRangeEnd: string;
  nondisclosure: { kind: 'none' | 'until' | 'indefinite'; until: string; statute: string };
  assigneeId: string;
}

/** The form's values as the API input: local times to UTC, empty optional fields to null. */
function toInput(values: IntakeValues): CreateLegalRequestInput {
  const nd = values.nondisclosure;
  return {
    processType: values.processType as ProcessType,
    agencyId: values.agencyId,
    country: values.country,
    receivedAt: localToIso(values.receivedAt),
    dueAt: values.dueAt ? localToIso(values.dueAt) : null,
    emergency: values.emergency,
    summary: values.summary,
    identifiers: values.identifiers.map((identifier) => ({ kind: identifier.kind, value: identifier.value })),
    dataCategories: values.dataCategories,
    dateRangeStart: emptyToNull(values.dateRangeStart),
    dateRangeEnd: emptyToNull(values.dateRangeEnd),
    nondisclosure: {
      kind: nd.kind,
      until: nd.kind === 'until' ? emptyToNull(nd.until) : null,
      statute: nd.kind === 'none' ? null : emptyToNull(nd.statute),
    },
    assigneeId: emptyToNull(values.assigneeId),
  };
}

const resolver = mappedResolver(createLegalRequestSchema, toInput);

const serverFields = [
  'processType',
  'agencyId',
  'country',
  'receivedAt',
  'dueAt',
  'summary',
  'identifiers',
  'dataCategories',
  'dateRangeStart',
  'dateRangeEnd',
  'nondisclosure.until',
  'nondisclosure.statute',
  'assigneeId',
] as const;

interface CreateLegalRequestFormProps {
  onCreated: (request: LegalRequestView) => void;
  onCancel: () => void;
}

export function CreateLegalRequestForm({ onCreated, onCancel }: CreateLegalRequestFormProps) {
  const me = useCurrentUser();
  // One key per form: a double submit (or a retry after a lost answer) creates one request.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const createRequest = useCreateLegalRequest(idempotencyKey);
  const agencies = useAgencies();
  const people = useAssignablePeople(me.role);
  const [addingAgency, setAddingAgency] = useState(false);
  const [placed, setPlaced] = useState<string[]>([]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<IntakeValues, unknown, z.output<typeof createLegalRequestSchema>>({
    resolver,
    defaultValues: {
      processType: '',
      agencyId: '',
      country: '',
      receivedAt: nowLocal(),
      dueAt: '',
      emergency: false,
      summary: '',
      identifiers: [{ kind: 'account', value: '' }],
      dataCategories: [],
      dateRangeStart: '',
      dateRangeEnd: '',
      nondisclosure: { kind: 'none', until: '', statute: '' },
      assigneeId: '',
    },
  });
  const identifiers = useFieldArray({ control, name: 'identifiers' });
  const [processType, categories, nondisclosureKind] = useWatch({
    control,
    name: ['processType', 'dataCategories', 'nondisclosure.kind'],
  });

  const chooseAgency = (agencyId: string, country: string | undefined) => {
    setValue('agencyId', agencyId, { shouldValidate: isSubmitted });
    // The agency's country is the usual answer; it stays editable for the exceptions.
    if (country) setValue('country', country, { shouldValidate: isSubmitted });
  };

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      onCreated(await createRequest.mutateAsync(values));
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, serverFields));
    }
  });

  const identifierListError = errors.identifiers?.root?.message ?? errors.identifiers?.message;

  return (
    <>
      <form className="stack" onSubmit={onSubmit} noValidate aria-label="New legal request">
        <ErrorAlert error={createRequest.error} shownFields={placed} />

        <div className="form-grid">
          <SelectField label="Process type" error={errors.processType?.message} {...register('processType')}>
            <option value="" disabled>
              Choose…
            </option>
            {processTypes.map((type) => (
              <option key={type} value={type}>
                {processTypeLabels[type]}
              </option>
            ))}
          </SelectField>

          <Controller
            control={control}
            name="agencyId"
            render={({ field, fieldState }) => (
              <SelectField
                label="Requesting agency"
                error={fieldState.error?.message}
                hint={
                  <>
                    Not in the registry?{' '}
                    <button type="button" className="link-button" onClick={() => setAddingAgency(true)}>
                      Add an agency
                    </button>
                  </>
                }
                name={field.name}
                ref={field.ref}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(e) => {
                  const agency = agencies.data?.find((a) => a.id === e.target.value);
                  chooseAgency(e.target.value, agency?.country);
                }}
              >
                <option value="" disabled>
                  {agencies.isPending ? 'Loading agencies…' : 'Choose…'}
                </option>
                {agencies.data?.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {agency.name} ({agency.country})
                  </option>
                ))}
              </SelectField>
            )}
          />

          <TextField
            label="Country"
            autoComplete="off"
            maxLength={2}
            hint="Two-letter ISO code; filled in from the agency."
            error={errors.country?.message}
            {...register('country')}
          />

          <TextField
            label="Received at"
            type="datetime-local"
            error={errors.receivedAt?.message}
            {...register('receivedAt')}
          />

          <TextField
            label="Due at"
            type="datetime-local"
            hint="Empty = computed from the rule for this process type."
            error={errors.dueAt?.message}
            {...register('dueAt')}
          />

          <SelectField label="Assignee" error={errors.assigneeId?.message} {...register('assigneeId')}>
            <AssigneeOptions me={me} people={people.data} />
          </SelectField>
        </div>

        <label className="checkbox">
          <input type="checkbox" {...register('emergency')} />
          Emergency request (risk of death or serious injury)
        </label>

        <TextAreaField label="Summary" rows={4} error={errors.summary?.message} {...register('summary')} />

        <fieldset className="fieldset field">
          <legend>Identifiers named in the request</legend>
          <ol className="identifier-rows">
            {identifiers.fields.map((row, index) => {
              const rowErrors = errors.identifiers?.[index];
              const n = index + 1;
              return (
                <li key={row.id} className="identifier-row">
                  <div className="field">
                    <label htmlFor={`identifier-${row.id}-kind`} className="visually-hidden">
                      Identifier {n} kind
                    </label>
                    <select
                      id={`identifier-${row.id}-kind`}
                      aria-invalid={rowErrors?.kind ? true : undefined}
                      {...register(`identifiers.${index}.kind`)}
                    >
                      {identifierKinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {identifierKindLabels[kind]}
                        </option>
                      ))}
                    </select>
                    {rowErrors?.kind ? <p className="field-error">{rowErrors.kind.message}</p> : null}
                  </div>
                  <div className="field identifier-value">
                    <label htmlFor={`identifier-${row.id}-value`} className="visually-hidden">
                      Identifier {n} value
                    </label>
                    <input
                      id={`identifier-${row.id}-value`}
                      autoComplete="off"
                      placeholder="Account id, email, phone…"
                      aria-invalid={rowErrors?.value ? true : undefined}
                      aria-describedby={rowErrors?.value ? `identifier-${row.id}-error` : undefined}
                      {...register(`identifiers.${index}.value`)}
                    />
                    {rowErrors?.value ? (
                      <p className="field-error" id={`identifier-${row.id}-error`}>
                        {rowErrors.value.message}
                      </p>
                    ) : null}
                  </div>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Remove identifier ${n}`}
                    disabled={identifiers.fields.length === 1}
                    onClick={() => identifiers.remove(index)}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ol>
          {identifierListError ? <p className="field-error">{identifierListError}</p> : null}
          <div>
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                identifiers.append(
                  { kind: 'account', value: '' },
                  { focusName: `identifiers.${identifiers.fields.length}.value` },
                )
              }
            >
              Add identifier
            </button>
          </div>
        </fieldset>

        <Controller
          control={control}
          name="dataCategories"
          render={({ field, fieldState }) => (
            <CheckboxGroup
              legend="Data categories asked for"
              options={dataCategories}
              labels={dataCategoryLabels}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              hint="A preservation request may leave these empty."
            />
          )}
        />

        <LadderWarning processType={processType} categories={categories} />

        <div className="form-grid">
          <TextField
            label="Date range start"
            type="date"
            error={errors.dateRangeStart?.message}
            {...register('dateRangeStart')}
          />
          <TextField
            label="Date range end"
            type="date"
            error={errors.dateRangeEnd?.message}
            {...register('dateRangeEnd')}
          />
        </div>

        <fieldset className="fieldset stack">
          <legend>Nondisclosure order</legend>
          <div className="form-grid">
            <SelectField label="Order" {...register('nondisclosure.kind')}>
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
                placeholder="e.g. 18 U.S.C. § 2705(b)"
                error={errors.nondisclosure?.statute?.message}
                {...register('nondisclosure.statute')}
              />
            ) : null}
          </div>
        </fieldset>

        <div className="actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {isSubmitting ? 'Creating…' : 'Create request'}
          </button>
        </div>
      </form>

      {/* Outside the intake form: a form may not sit inside another. */}
      <Dialog title="Add an agency" open={addingAgency} onClose={() => setAddingAgency(false)}>
        <AgencyForm
          onCancel={() => setAddingAgency(false)}
          onSaved={(agency) => {
            setAddingAgency(false);
            chooseAgency(agency.id, agency.country);
          }}
        />
      </Dialog>
    </>
  );
}
