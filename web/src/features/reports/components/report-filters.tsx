import { processTypeLabels, processTypes } from '@docket/shared/legal-requests.schemas';
import { DraftDateField } from '../../../components/draft-date-field';
import { SelectField, TextField } from '../../../components/text-field';
import { useDraft } from '../../../lib/use-draft';
import type { FilterChange } from '../../../lib/use-search-param';
import { halfYearLabel, parseHalfYearKey, recentHalfYears } from '../periods';
import { type BandWidth, bandWidths, type ReportFilter } from '../report-filter';

interface ReportFiltersProps {
  filter: ReportFilter;
  today: string;
  onChange: (change: FilterChange<ReportFilter>) => void;
  /** What the shared schema says is wrong with the filter, by field. */
  errors: Partial<Record<'periodStart' | 'periodEnd', string>>;
}

export function ReportFilters({ filter, today, onChange, errors }: ReportFiltersProps) {
  const [country, setCountry, expectCountry] = useDraft(filter.country ?? '');
  const [suppress, setSuppress, expectSuppress] = useDraft(String(filter.suppressBelow));
  const countryIncomplete = country.trim() !== '' && !/^[A-Za-z]{2}$/.test(country.trim());
  const suppressValid = /^\d{1,3}$/.test(suppress.trim()) && Number(suppress) <= 100;

  const halfYears = recentHalfYears(today, 8);
  // A bookmarked or published half-year older than the list still shows as itself.
  const selected = parseHalfYearKey(filter.period);
  if (selected && !halfYears.some((h) => h.key === selected.key)) halfYears.push(selected);

  return (
    <fieldset className="fieldset report-filters stack-sm">
      <legend className="visually-hidden">Report period and scope</legend>
      <div className="filters">
        <SelectField
          label="Period"
          value={filter.period}
          onChange={(e) => {
            const half = parseHalfYearKey(e.target.value);
            onChange(
              half
                ? { period: half.key, periodStart: half.start, periodEnd: half.end }
                : // Custom starts from the period's dates (the URL's, which may be ahead of the page), ready to be changed.
                  (current) => ({ period: 'custom', periodStart: current.periodStart, periodEnd: current.periodEnd }),
            );
          }}
        >
          {halfYears.map((h) => (
            <option key={h.key} value={h.key}>
              {halfYearLabel(h, today)}
            </option>
          ))}
          <option value="custom">Custom range</option>
        </SelectField>
        {filter.period === 'custom' ? (
          <>
            <DraftDateField
              label="From"
              value={filter.periodStart}
              error={errors.periodStart}
              onCommit={(periodStart) => onChange({ periodStart })}
            />
            <DraftDateField
              label="To (inclusive)"
              value={filter.periodEnd}
              error={errors.periodEnd}
              onCommit={(periodEnd) => onChange({ periodEnd })}
            />
          </>
        ) : null}
      </div>
      <div className="filters">
        <TextField
          label="Country"
          value={country}
          maxLength={2}
          autoComplete="off"
          placeholder="All, or e.g. US"
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
          label="Process type"
          value={filter.processType ?? ''}
          onChange={(e) => {
            const type = processTypes.find((t) => t === e.target.value);
            onChange({ processType: type });
          }}
        >
          <option value="">All process types</option>
          {processTypes.map((type) => (
            <option key={type} value={type}>
              {processTypeLabels[type]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="National-security bands"
          value={String(filter.bandWidth)}
          onChange={(e) => {
            const width = bandWidths.find((b) => String(b) === e.target.value);
            if (width) onChange({ bandWidth: width as BandWidth });
          }}
        >
          {bandWidths.map((width) => (
            <option key={width} value={width}>
              Bands of {width}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Suppress counts below"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          value={suppress}
          error={suppressValid ? undefined : 'A whole number from 0 to 100'}
          onChange={(e) => {
            const value = e.target.value;
            setSuppress(value);
            if (/^\d{1,3}$/.test(value.trim()) && Number(value) <= 100) {
              expectSuppress(String(Number(value)));
              onChange({ suppressBelow: Number(value) });
            }
          }}
        />
      </div>
    </fieldset>
  );
}
