import {
  type DataCategory,
  dataCategoryLabels,
  type IdentifierOutcome,
  identifierOutcomes,
  type LegalRequestView,
  type ResponseInput,
  responseMethods,
  responseSchema,
} from '@docket/shared/legal-requests.schemas';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { CheckboxGroup } from '../../../components/checkbox-group';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { localToIso, nowLocal } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useLatest } from '../../../lib/use-latest';
import { useRecordResponse } from '../api/record-response';
import { identifierKindLabels, identifierOutcomeLabels, responseMethodLabels } from '../labels';
import { CaseMutationError } from './case-mutation-error';
import { ProductionManifest } from './production-manifest';

interface CaseFormProps {
  request: LegalRequestView;
  onReload: () => void;
}

type Method = ResponseInput['method'];

interface ResponseValues {
  sentAt: string;
  method: Method | '';
  producedCategories: DataCategory[];
  outcomes: { identifierId: string; outcome: IdentifierOutcome | '' }[];
  note: string;
}

function ResponseForm({ request, onReload }: CaseFormProps) {
  const respond = useRecordResponse(request.id);
  const version = useLatest(request.version);
  const [placed, setPlaced] = useState<string[]>([]);
  const inScope = request.identifiers.filter((i) => i.inScope);
  const [resolver] = useState(() =>
    mappedResolver(
      responseSchema,
      (values: ResponseValues): ResponseInput => ({
        version: version.current,
        sentAt: localToIso(values.sentAt),
        method: values.method as Method,
        producedCategories: values.producedCategories,
        outcomes: values.outcomes.map((o) => ({
          identifierId: o.identifierId,
          outcome: o.outcome as IdentifierOutcome,
        })),
        note: values.note.trim() ? values.note : undefined,
      }),
    ),
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResponseValues, unknown, z.output<typeof responseSchema>>({
    resolver,
    defaultValues: {
      sentAt: nowLocal(),
      method: '',
      producedCategories: [],
      outcomes: inScope.map((i) => ({ identifierId: i.id, outcome: i.outcome ?? '' })),
      note: '',
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await respond.mutateAsync(values);
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['sentAt', 'method', 'producedCategories', 'outcomes', 'note']));
    }
  });

  const outcomesError = errors.outcomes?.root?.message ?? errors.outcomes?.message;

  return (
    <form className="stack subpanel" onSubmit={onSubmit} noValidate aria-label="Record the response">
      <h3>Record the response</h3>
      <CaseMutationError
        error={respond.error}
        shownFields={placed}
        onReload={() => {
          respond.reset();
          onReload();
        }}
      />
      <div className="form-grid">
        <TextField label="Sent at" type="datetime-local" error={errors.sentAt?.message} {...register('sentAt')} />
        <SelectField label="Method" error={errors.method?.message} {...register('method')}>
          <option value="" disabled>
            Choose…
          </option>
          {responseMethods.map((m) => (
            <option key={m} value={m}>
              {responseMethodLabels[m]}
            </option>
          ))}
        </SelectField>
      </div>
      <Controller
        control={control}
        name="producedCategories"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            legend="Data produced"
            options={request.dataCategories}
            labels={dataCategoryLabels}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={fieldState.error?.message}
            hint="Only categories in the current scope can be produced."
          />
        )}
      />
      <fieldset className="fieldset field">
        <legend>Outcome per identifier in scope</legend>
        <div className="form-grid">
          {inScope.map((identifier, index) => (
            <SelectField
              key={identifier.id}
              label={`Outcome for ${identifier.value}`}
              hint={identifierKindLabels[identifier.kind]}
              error={errors.outcomes?.[index]?.outcome?.message}
              {...register(`outcomes.${index}.outcome`)}
            >
              <option value="" disabled>
                Choose…
              </option>
              {identifierOutcomes.map((o) => (
                <option key={o} value={o}>
                  {identifierOutcomeLabels[o]}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
        {outcomesError ? <p className="field-error">{outcomesError}</p> : null}
      </fieldset>
      <TextAreaField label="Response note" error={errors.note?.message} {...register('note')} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Recording…' : 'Record response'}
        </button>
      </div>
    </form>
  );
}

const showFrom = new Set(['decided', 'responded', 'closed']);

export function ResponseSection({ request, onReload }: CaseFormProps) {
  const { response } = request;
  if (!response && !showFrom.has(request.status)) return null;
  return (
    <section className="panel stack" aria-labelledby="case-response">
      <h2 id="case-response">Response</h2>
      {response ? (
        <dl className="details">
          <dt>Sent</dt>
          <dd>{formatDateTime(response.sentAt)}</dd>
          <dt>Method</dt>
          <dd>{responseMethodLabels[response.method]}</dd>
          <dt>Data produced</dt>
          <dd>
            {response.producedCategories.length > 0
              ? response.producedCategories.map((c) => dataCategoryLabels[c]).join('; ')
              : 'Nothing'}
          </dd>
          {response.note ? (
            <>
              <dt>Note</dt>
              <dd className="pre-line">{response.note}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {request.status === 'decided' ? <ResponseForm request={request} onReload={onReload} /> : null}
      <ProductionManifest request={request} />
    </section>
  );
}
