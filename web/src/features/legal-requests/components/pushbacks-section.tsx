import {
  type DataCategory,
  dataCategoryLabels,
  type LegalRequestView,
  type OpenPushbackInput,
  openPushbackSchema,
  type PushbackGround,
  type PushbackOutcome,
  pushbackGrounds,
  pushbackOutcomes,
  type ResolvePushbackInput,
  resolvePushbackSchema,
} from '@docket/shared/legal-requests.schemas';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { CheckboxGroup } from '../../../components/checkbox-group';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { emptyToNull } from '../../../lib/date-input';
import { applyServerIssues } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { useLatest } from '../../../lib/use-latest';
import { useOpenPushback } from '../api/open-pushback';
import { useResolvePushback } from '../api/resolve-pushback';
import { identifierKindLabels, pushbackGroundLabels, pushbackOutcomeLabels } from '../labels';
import { currentScope } from './case-details-sections';
import { CaseMutationError } from './case-mutation-error';
import { ScopeSummary } from './scope-summary';

interface CaseFormProps {
  request: LegalRequestView;
  onReload: () => void;
}

interface OpenValues {
  grounds: PushbackGround[];
  asked: string;
  proposed: string;
}

function OpenPushbackForm({ request, onReload }: CaseFormProps) {
  const open = useOpenPushback(request.id);
  const version = useLatest(request.version);
  const [placed, setPlaced] = useState<string[]>([]);
  const [resolver] = useState(() =>
    mappedResolver(
      openPushbackSchema,
      (values: OpenValues): OpenPushbackInput => ({ ...values, version: version.current }),
    ),
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<OpenValues, unknown, z.output<typeof openPushbackSchema>>({
    resolver,
    defaultValues: { grounds: [], asked: '', proposed: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await open.mutateAsync(values);
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, ['grounds', 'asked', 'proposed']));
    }
  });

  return (
    <form className="stack subpanel" onSubmit={onSubmit} noValidate aria-label="Open pushback">
      <h3>Open pushback</h3>
      <CaseMutationError
        error={open.error}
        shownFields={placed}
        onReload={() => {
          open.reset();
          onReload();
        }}
      />
      <Controller
        control={control}
        name="grounds"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            legend="Grounds"
            options={pushbackGrounds}
            labels={pushbackGroundLabels}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={fieldState.error?.message}
          />
        )}
      />
      <TextAreaField label="What was asked" error={errors.asked?.message} {...register('asked')} />
      <TextAreaField label="What we propose" error={errors.proposed?.message} {...register('proposed')} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Opening…' : 'Open pushback'}
        </button>
      </div>
    </form>
  );
}

interface ResolveValues {
  requesterReply: string;
  outcome: PushbackOutcome | '';
  narrowedScope: {
    dataCategories: DataCategory[];
    dateRangeStart: string;
    dateRangeEnd: string;
    identifierIds: string[];
  };
}

function ResolvePushbackForm({ request, onReload }: CaseFormProps) {
  const resolve = useResolvePushback(request.id);
  const version = useLatest(request.version);
  const [placed, setPlaced] = useState<string[]>([]);
  const scope = currentScope(request);
  const inScope = request.identifiers.filter((i) => i.inScope);
  const identifierLabels = Object.fromEntries(
    inScope.map((i) => [i.id, `${identifierKindLabels[i.kind]}: ${i.value}`]),
  ) as Record<string, string>;
  const [resolver] = useState(() =>
    mappedResolver(
      resolvePushbackSchema,
      (values: ResolveValues): ResolvePushbackInput => ({
        version: version.current,
        requesterReply: values.requesterReply,
        outcome: values.outcome as PushbackOutcome,
        narrowedScope:
          values.outcome === 'narrowed'
            ? {
                dataCategories: values.narrowedScope.dataCategories,
                dateRangeStart: emptyToNull(values.narrowedScope.dateRangeStart),
                dateRangeEnd: emptyToNull(values.narrowedScope.dateRangeEnd),
                identifierIds: values.narrowedScope.identifierIds,
              }
            : undefined,
      }),
    ),
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResolveValues, unknown, z.output<typeof resolvePushbackSchema>>({
    resolver,
    defaultValues: {
      requesterReply: '',
      outcome: '',
      narrowedScope: {
        dataCategories: scope.dataCategories,
        dateRangeStart: scope.dateRangeStart ?? '',
        dateRangeEnd: scope.dateRangeEnd ?? '',
        identifierIds: scope.identifierIds,
      },
    },
  });
  const outcome = useWatch({ control, name: 'outcome' });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      await resolve.mutateAsync(values);
    } catch (error) {
      setPlaced(
        applyServerIssues(error, setError, [
          'requesterReply',
          'outcome',
          'narrowedScope',
          'narrowedScope.dataCategories',
          'narrowedScope.identifierIds',
          'narrowedScope.dateRangeStart',
          'narrowedScope.dateRangeEnd',
        ]),
      );
    }
  });

  return (
    <form className="stack subpanel" onSubmit={onSubmit} noValidate aria-label="Record the requester's reply">
      <h3>Record the requester's reply</h3>
      <CaseMutationError
        error={resolve.error}
        shownFields={placed}
        onReload={() => {
          resolve.reset();
          onReload();
        }}
      />
      <TextAreaField label="Requester's reply" error={errors.requesterReply?.message} {...register('requesterReply')} />
      <SelectField label="Outcome" error={errors.outcome?.message} {...register('outcome')}>
        <option value="" disabled>
          Choose…
        </option>
        {pushbackOutcomes.map((o) => (
          <option key={o} value={o}>
            {pushbackOutcomeLabels[o]}
          </option>
        ))}
      </SelectField>
      {outcome === 'narrowed' ? (
        <fieldset className="fieldset stack">
          <legend>Narrowed scope</legend>
          <p className="field-hint">Keep what the requester agreed to; the original scope stays on record.</p>
          <Controller
            control={control}
            name="narrowedScope.dataCategories"
            render={({ field, fieldState }) => (
              <CheckboxGroup
                legend="Data categories kept"
                options={scope.dataCategories}
                labels={dataCategoryLabels}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="narrowedScope.identifierIds"
            render={({ field, fieldState }) => (
              <CheckboxGroup
                legend="Identifiers kept in scope"
                options={inScope.map((i) => i.id)}
                labels={identifierLabels}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <div className="form-grid">
            <TextField
              label="Date range start"
              type="date"
              error={errors.narrowedScope?.dateRangeStart?.message}
              {...register('narrowedScope.dateRangeStart')}
            />
            <TextField
              label="Date range end"
              type="date"
              error={errors.narrowedScope?.dateRangeEnd?.message}
              {...register('narrowedScope.dateRangeEnd')}
            />
          </div>
          {errors.narrowedScope?.message ? <p className="field-error">{errors.narrowedScope.message}</p> : null}
        </fieldset>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Recording…' : 'Record reply'}
        </button>
      </div>
    </form>
  );
}

export function PushbacksSection({ request, onReload }: CaseFormProps) {
  const { pushbacks } = request;
  if (pushbacks.length === 0 && request.status !== 'in_review' && request.status !== 'pushback') return null;
  return (
    <section className="panel stack" aria-labelledby="case-pushbacks">
      <h2 id="case-pushbacks">Pushback</h2>
      {pushbacks.length === 0 ? (
        <p className="muted">No pushback so far.</p>
      ) : (
        <ol className="entries">
          {pushbacks.map((pushback, index) => (
            <li key={pushback.id} className="entry stack-sm">
              <p className="entry-meta">
                <strong>Pushback {index + 1}</strong> · opened{' '}
                <time dateTime={pushback.createdAt}>{formatDateTime(pushback.createdAt)}</time> ·{' '}
                <span className={`badge ${pushback.outcome === 'pending' ? 'badge-warning' : 'badge-neutral'}`}>
                  {pushbackOutcomeLabels[pushback.outcome]}
                </span>
                {pushback.resolvedAt ? (
                  <>
                    {' '}
                    · resolved <time dateTime={pushback.resolvedAt}>{formatDateTime(pushback.resolvedAt)}</time>
                  </>
                ) : null}
              </p>
              <p>
                <span className="muted">Grounds:</span>{' '}
                {pushback.grounds.map((g) => pushbackGroundLabels[g]).join(', ')}
              </p>
              <div className="compare">
                <div>
                  <h3 className="h4">Asked</h3>
                  <p className="pre-line">{pushback.asked}</p>
                </div>
                <div>
                  <h3 className="h4">Proposed</h3>
                  <p className="pre-line">{pushback.proposed}</p>
                </div>
              </div>
              <div>
                <h3 className="h4">Requester's reply</h3>
                <p className="pre-line">{pushback.requesterReply ?? <span className="muted">No reply yet.</span>}</p>
              </div>
              {pushback.scopeBefore && pushback.scopeAfter ? (
                <div className="compare">
                  <div>
                    <h3 className="h4">Scope before</h3>
                    <ScopeSummary scope={pushback.scopeBefore} identifiers={request.identifiers} />
                  </div>
                  <div>
                    <h3 className="h4">Scope after</h3>
                    <ScopeSummary scope={pushback.scopeAfter} identifiers={request.identifiers} />
                  </div>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {request.status === 'in_review' ? <OpenPushbackForm request={request} onReload={onReload} /> : null}
      {request.status === 'pushback' ? <ResolvePushbackForm request={request} onReload={onReload} /> : null}
    </section>
  );
}
