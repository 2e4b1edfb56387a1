import {
  legalRequestStatuses,
  processTypeLabels,
  processTypes,
  statusLabels,
} from '@docket/shared/legal-requests.schemas';
import { useCurrentUser } from '../../../app/current-user';
import { ListRangeSort } from '../../../components/list-range-sort';
import { SelectField, TextField } from '../../../components/text-field';
import { useDraft } from '../../../lib/use-draft';
import type { FilterChange } from '../../../lib/use-search-param';
import { useAgencies } from '../../agencies/api/get-agencies';
import { useAssignablePeople } from '../api/get-assignable-people';
import type { QueueFilter } from '../api/get-legal-requests';
import { MultiSelectFilter } from './multi-select-filter';

interface QueueFiltersProps {
  filter: QueueFilter;
  onChange: (change: FilterChange<QueueFilter>) => void;
}

export function QueueFilters({ filter, onChange }: QueueFiltersProps) {
  const agencies = useAgencies();
  const me = useCurrentUser();
  const people = useAssignablePeople(me.role);
  // The country box holds what is typed; the URL (and the query) change only on a whole code.
  const [country, setCountry, expectCountry] = useDraft(filter.country ?? '');
  const countryIncomplete = country.trim() !== '' && !/^[A-Za-z]{2}$/.test(country.trim());

  return (
    <fieldset className="filters fieldset">
      <legend className="visually-hidden">Filter requests</legend>
      <MultiSelectFilter
        label="Status"
        options={legalRequestStatuses}
        labels={statusLabels}
        value={filter.status}
        onChange={(update) => onChange((current) => ({ status: update(current.status) }))}
      />
      <MultiSelectFilter
        label="Process type"
        options={processTypes}
        labels={processTypeLabels}
        value={filter.processType}
        onChange={(update) => onChange((current) => ({ processType: update(current.processType) }))}
      />
      <TextField
        label="Country"
        value={country}
        maxLength={2}
        autoComplete="off"
        placeholder="e.g. US"
        error={countryIncomplete ? 'Use a two-letter code' : undefined}
        onChange={(e) => {
          const value = e.target.value;
          setCountry(value);
          const code = value.trim().toUpperCase();
          if (code === '' || /^[A-Z]{2}$/.test(code)) {
            expectCountry(code);
            onChange({ country: code || undefined });
          }
        }}
      />
      <SelectField
        label="Agency"
        value={filter.agencyId ?? ''}
        onChange={(e) => onChange({ agencyId: e.target.value || undefined })}
      >
        <option value="">Any agency</option>
        {agencies.data?.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name} ({agency.country})
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Assignee"
        value={filter.assigneeId ?? ''}
        onChange={(e) => onChange({ assigneeId: e.target.value || undefined })}
      >
        <option value="">Anyone</option>
        {people.data?.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Emergency"
        value={filter.emergency ?? ''}
        onChange={(e) => onChange({ emergency: (e.target.value || undefined) as QueueFilter['emergency'] })}
      >
        <option value="">Any</option>
        <option value="true">Emergency only</option>
        <option value="false">Not emergency</option>
      </SelectField>
      <ListRangeSort
        receivedFrom={filter.receivedFrom}
        receivedTo={filter.receivedTo}
        sort={filter.sort}
        onChange={onChange}
      />
    </fieldset>
  );
}
