import { complaintStatuses, complaintStatusLabels } from '@docket/shared/complaints.schemas';
import { ListRangeSort } from '../../../components/list-range-sort';
import { SelectField } from '../../../components/text-field';
import type { FilterChange } from '../../../lib/use-search-param';
import { MultiSelectFilter } from '../../legal-requests/components/multi-select-filter';
import { useRegulators } from '../../regulators/api/get-regulators';
import { regulatorOptionLabel } from '../../regulators/labels';
import { useComplaintCategories } from '../api/get-complaint-categories';
import type { ComplaintQueueFilter } from '../api/get-complaints';

interface ComplaintQueueFiltersProps {
  filter: ComplaintQueueFilter;
  onChange: (change: FilterChange<ComplaintQueueFilter>) => void;
}

export function ComplaintQueueFilters({ filter, onChange }: ComplaintQueueFiltersProps) {
  const categories = useComplaintCategories();
  const regulators = useRegulators();
  return (
    <fieldset className="filters fieldset">
      <legend className="visually-hidden">Filter complaints</legend>
      <MultiSelectFilter
        label="Status"
        options={complaintStatuses}
        labels={complaintStatusLabels}
        value={filter.status}
        onChange={(update) => onChange((current) => ({ status: update(current.status) }))}
      />
      <SelectField
        label="Category"
        value={filter.category ?? ''}
        onChange={(e) => onChange({ category: e.target.value || undefined })}
      >
        <option value="">Any category</option>
        {categories.data?.map((category) => (
          <option key={category.code} value={category.code}>
            {category.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Regulator"
        value={filter.regulatorId ?? ''}
        onChange={(e) => onChange({ regulatorId: e.target.value || undefined })}
      >
        <option value="">Any or none</option>
        {regulators.data?.map((regulator) => (
          <option key={regulator.id} value={regulator.id}>
            {regulatorOptionLabel(regulator)}
          </option>
        ))}
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
