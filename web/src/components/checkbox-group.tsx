import { type ReactNode, useId } from 'react';

interface CheckboxGroupProps<T extends string> {
  legend: string;
  options: readonly T[];
  labels: Record<T, ReactNode>;
  value: readonly T[];
  onChange: (value: T[]) => void;
  error?: string | undefined;
  hint?: ReactNode;
  disabled?: boolean;
  /** Called when focus leaves the group, for form libraries that validate on blur. */
  onBlur?: () => void;
}

/**
 * A labelled set of checkboxes holding a list of values, in the order of `options`. A fieldset and
 * legend name the group for screen readers; the error is announced with each box.
 */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  labels,
  value,
  onChange,
  error,
  hint,
  disabled,
  onBlur,
}: CheckboxGroupProps<T>) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const toggle = (option: T, checked: boolean) => {
    const next = new Set(value);
    if (checked) next.add(option);
    else next.delete(option);
    onChange(options.filter((o) => next.has(o)));
  };
  return (
    <fieldset className="fieldset field" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="checkbox-group">
        {options.map((option) => (
          <label key={option} className="checkbox">
            <input
              type="checkbox"
              value={option}
              checked={value.includes(option)}
              disabled={disabled}
              onChange={(e) => toggle(option, e.target.checked)}
              onBlur={onBlur}
            />
            {labels[option]}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
