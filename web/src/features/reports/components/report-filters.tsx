import { processTypeLabels, processTypes } from '@docket/shared/legal-requests.schemas';
import { useState } from 'react';
import { SelectField, TextField } from '../../../components/text-field';
import { halfYearLabel, parseHalfYearKey, recentHalfYears } from '../periods';
import { type BandWidth, bandWidths, type ReportFilter } from '../report-filter';

interface ReportFiltersProps {
  filter: ReportFilter;
  today: string;
  onChange: (changes: Partial<ReportFilter>) => void;
  /** What the shared schema says is wrong with the filter, by field. */
  errors: Partial<Record<'periodStart' | 'periodEnd', string>>;
}

/**
 * A box whose text is kept while it is typed; the URL (and the report) change only once it holds a whole
 * value, and a change of URL from elsewhere (back button, a link) replaces what is typed.
 */
function useDraft(urlValue: string) {
  const [draft, setDraft] = useState(urlValue);
  const [lastUrl, setLastUrl] = useState(urlValue);
  if (urlValue !== lastUrl) {
    setLastUrl(urlValue);
    setDraft(urlValue);
  }
  return [draft, setDraft, setLastUrl] as const;
}

// A date input passes through years like 0002 and 0020 while a year is typed; wait for a plausible one.
const wholeDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= '1970-01-01';

function DateField(props: {
  label: string;
  value: string;
  error: string | undefined;
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft, setLastUrl] = useDraft(props.value);
  const commit = (value: string) => {
    if (value === '' || value === props.value) return;
    setLastUrl(value);
    props.onCommit(value);
  };
  return (
    <TextField
      label={props.label}
      type="date"
      value={draft}
      error={props.error}
      onChange={(e) => {
        setDraft(e.target.value);
        if (wholeDate(e.target.value)) commit(e.target.value);
      }}
      onBlur={(e) => commit(e.target.value)}
    />
  );
}

export function ReportFilters({ filter, today, onChange, errors }: ReportFiltersProps) {
  const [country, setCountry, setLastCountry] = useDraft(filter.country ?? '');
  const [suppress, setSuppress, setLastSuppress] = useDraft(String(filter.suppressBelow));
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
                : // Custom starts from the dates on show, ready to be changed.
                  { period: 'custom', periodStart: filter.periodStart, periodEnd: filter.periodEnd },
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
            <DateField
              label="From"
              value={filter.periodStart}
              error={errors.periodStart}
              onCommit={(periodStart) => onChange({ periodStart })}
            />
            <DateField
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
              setLastCountry(code);
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
              setLastSuppress(String(Number(value)));
              onChange({ suppressBelow: Number(value) });
            }
          }}
        />
      </div>
    </fieldset>
  );
}
