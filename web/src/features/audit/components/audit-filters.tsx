import { listAuditQuerySchema } from '@docket/shared/audit.schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import { type Resolver, useForm } from 'react-hook-form';
import { TextField } from '../../../components/text-field';
import type { AuditFilter } from '../api/get-audit-events';

const filterSchema = listAuditQuerySchema.pick({ action: true, entityType: true, entityId: true, actorId: true });
type FilterValues = { action: string; entityType: string; entityId: string; actorId: string };

const baseResolver = zodResolver(filterSchema);
// Empty inputs mean "any", so they are dropped before the shared schema sees them.
const resolver: Resolver<FilterValues> = async (values, context, options) => {
  const cleaned = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));
  const result = await baseResolver(cleaned, context, options as never);
  return Object.keys(result.errors).length > 0 ? { values: {}, errors: result.errors } : { values, errors: {} };
};

interface AuditFiltersProps {
  filter: AuditFilter;
  onChange: (filter: AuditFilter) => void;
}

export function AuditFilters({ filter, onChange }: AuditFiltersProps) {
  const empty: FilterValues = { action: '', entityType: '', entityId: '', actorId: '' };
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<FilterValues>({
    resolver,
    values: {
      action: filter.action ?? '',
      entityType: filter.entityType ?? '',
      entityId: filter.entityId ?? '',
      actorId: filter.actorId ?? '',
    },
  });

  const onSubmit = handleSubmit((values) => {
    const next: AuditFilter = {};
    for (const [key, value] of Object.entries(values) as [keyof FilterValues, string][]) {
      if (value.trim()) next[key] = value.trim();
    }
    onChange(next);
  });

  return (
    <form className="filters" onSubmit={onSubmit} noValidate aria-label="Filter audit events">
      <TextField
        label="Action"
        placeholder="e.g. user.created"
        error={errors.action?.message}
        {...register('action')}
      />
      <TextField
        label="Entity type"
        placeholder="e.g. user"
        error={errors.entityType?.message}
        {...register('entityType')}
      />
      <TextField label="Entity id" error={errors.entityId?.message} {...register('entityId')} />
      <TextField label="Actor id" error={errors.actorId?.message} {...register('actorId')} />
      <div className="filters-actions">
        <button type="submit" className="button button-primary">
          Apply filters
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            reset(empty);
            onChange({});
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
