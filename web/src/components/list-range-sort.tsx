import { type ListSort, listSortLabels, listSorts } from '@docket/shared/lists.schemas';
import { DraftDateField } from './draft-date-field';
import { SelectField } from './text-field';

interface ListRangeSortProps {
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  sort: ListSort;
  onChange: (changes: { receivedFrom?: string | undefined; receivedTo?: string | undefined; sort?: ListSort }) => void;
}

/** The received-date range and order every case list offers. */
export function ListRangeSort({ receivedFrom, receivedTo, sort, onChange }: ListRangeSortProps) {
  const reversed = Boolean(receivedFrom && receivedTo && receivedFrom > receivedTo);
  return (
    <>
      <DraftDateField
        label="Received from"
        optional
        value={receivedFrom ?? ''}
        onCommit={(value) => onChange({ receivedFrom: value || undefined })}
      />
      <DraftDateField
        label="Received to"
        optional
        value={receivedTo ?? ''}
        error={reversed ? 'Must not be before “Received from”' : undefined}
        onCommit={(value) => onChange({ receivedTo: value || undefined })}
      />
      <SelectField label="Sort" value={sort} onChange={(e) => onChange({ sort: e.target.value as ListSort })}>
        {listSorts.map((option) => (
          <option key={option} value={option}>
            {listSortLabels[option]}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** Reads the shared list parameters from the URL; anything malformed is ignored. */
export function rangeSortFromParams(params: URLSearchParams) {
  const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
  const sort = params.get('sort');
  return {
    receivedFrom: day(params.get('receivedFrom')),
    receivedTo: day(params.get('receivedTo')),
    sort: (listSorts as readonly string[]).includes(sort ?? '') ? (sort as ListSort) : ('deadline' as const),
  };
}

export function rangeSortToParams(
  params: URLSearchParams,
  filter: { receivedFrom?: string | undefined; receivedTo?: string | undefined; sort: ListSort },
) {
  if (filter.receivedFrom) params.set('receivedFrom', filter.receivedFrom);
  if (filter.receivedTo) params.set('receivedTo', filter.receivedTo);
  if (filter.sort !== 'deadline') params.set('sort', filter.sort);
}
