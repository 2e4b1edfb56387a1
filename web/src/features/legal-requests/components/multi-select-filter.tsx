import { CheckboxGroup } from '../../../components/checkbox-group';

interface MultiSelectFilterProps<T extends string> {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: readonly T[];
  /**
   * Called with the change as a function of the list as it is when the change is applied: a box ticked before the
   * page has drawn the one ticked just before it adds to it instead of replacing it.
   */
  onChange: (update: (current: readonly T[]) => T[]) => void;
}

/** A disclosure holding a checkbox list: compact in a filter bar, and keyboard usable as it stands. */
export function MultiSelectFilter<T extends string>({
  label,
  options,
  labels,
  value,
  onChange,
}: MultiSelectFilterProps<T>) {
  const apply = (next: readonly T[]) => {
    const added = next.filter((option) => !value.includes(option));
    const removed = value.filter((option) => !next.includes(option));
    onChange((current) =>
      options.filter((option) => (current.includes(option) || added.includes(option)) && !removed.includes(option)),
    );
  };
  const summary =
    value.length === 0 ? 'Any' : value.length === 1 && value[0] ? labels[value[0]] : `${value.length} selected`;
  return (
    <details
      className="filter-menu"
      onKeyDown={(event) => {
        // Escape closes the menu and returns focus to its toggle, as a native select would.
        if (event.key === 'Escape' && event.currentTarget.open) {
          event.currentTarget.open = false;
          event.currentTarget.querySelector('summary')?.focus();
        }
      }}
    >
      <summary>
        <span className="filter-menu-label">{label}</span> <span className="filter-menu-value">{summary}</span>
      </summary>
      <div className="filter-menu-body">
        <CheckboxGroup legend={label} options={options} labels={labels} value={value} onChange={apply} />
        {value.length > 0 ? (
          <button type="button" className="link-button small" onClick={() => onChange(() => [])}>
            Clear {label.toLowerCase()}
          </button>
        ) : null}
      </div>
    </details>
  );
}
