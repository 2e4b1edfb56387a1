import {
  API_TOKEN_MAX_DAYS,
  type IssueApiTokenInput,
  type IssuedApiToken,
  issueApiTokenSchema,
} from '@docket/shared/api-tokens.schemas';
import type { Role } from '@docket/shared/roles';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { SelectField, TextField } from '../../../components/text-field';
import { applyServerIssues } from '../../../lib/form-errors';
import { mappedResolver } from '../../../lib/mapped-resolver';
import { RoleOptions } from '../../users/components/role-options';
import { useIssueApiToken } from '../api/issue-api-token';

interface IssueFormValues {
  name: string;
  role: Role;
  /** A calendar day (YYYY-MM-DD): the token works until the end of it, in this browser's time zone. */
  expiresAt: string;
}

const fields = ['name', 'role', 'expiresAt'] as const;

/** YYYY-MM-DD of today plus `days`, in local time, as a date input shows it. */
function localDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The end of the chosen local day as an ISO instant; anything unparseable goes on for the schema to refuse. */
function endOfDayIso(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const end = new Date(`${day}T23:59:59`);
  return Number.isNaN(end.getTime()) ? day : end.toISOString();
}

function toInput(values: IssueFormValues): IssueApiTokenInput {
  return { name: values.name, role: values.role, expiresAt: endOfDayIso(values.expiresAt) };
}

const resolver = mappedResolver(issueApiTokenSchema, toInput);

interface IssueApiTokenFormProps {
  onIssued: (issued: IssuedApiToken) => void;
  onCancel: () => void;
}

export function IssueApiTokenForm({ onIssued, onCancel }: IssueApiTokenFormProps) {
  const issue = useIssueApiToken();
  const [placed, setPlaced] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<IssueFormValues, unknown, z.output<typeof issueApiTokenSchema>>({
    resolver,
    defaultValues: { name: '', role: 'compliance', expiresAt: localDay(90) },
  });

  const onSubmit = handleSubmit(async (values) => {
    setPlaced([]);
    try {
      onIssued(await issue.mutateAsync(values));
    } catch (error) {
      setPlaced(applyServerIssues(error, setError, fields));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Issue an API token">
      <ErrorAlert error={issue.error} shownFields={placed} />
      <TextField
        label="Name"
        autoComplete="off"
        hint="What the script is, e.g. “Nightly report export”. Audit events show this name."
        error={errors.name?.message}
        {...register('name')}
      />
      <SelectField
        label="Role"
        hint="The token may do exactly what a person with this role may do."
        error={errors.role?.message}
        {...register('role')}
      >
        <RoleOptions />
      </SelectField>
      <TextField
        label="Expires on"
        type="date"
        min={localDay(0)}
        max={localDay(API_TOKEN_MAX_DAYS - 1)}
        hint="The token stops working at the end of this day; at most a year ahead."
        error={errors.expiresAt?.message}
        {...register('expiresAt')}
      />
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Issuing…' : 'Issue token'}
        </button>
      </div>
    </form>
  );
}
