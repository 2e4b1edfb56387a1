import { type FormEvent, useState } from 'react';
import { TextField } from '../../../components/text-field';

interface ComplainantSearchProps {
  /** The address being searched for, if any. */
  email: string | undefined;
  onSearch: (email: string | undefined) => void;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Finds one person's complaints by their email address. The address stays out of the page URL:
 * it is personal data, and URLs end up in browser history and shared links.
 */
export function ComplainantSearch({ email, onSearch }: ComplainantSearchProps) {
  const [value, setValue] = useState(email ?? '');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (trimmed === '') {
      setError(null);
      onSearch(undefined);
      return;
    }
    if (!emailPattern.test(trimmed)) {
      setError('Enter a whole email address');
      return;
    }
    setError(null);
    onSearch(trimmed.toLowerCase());
  };

  return (
    <search>
      <form className="filters" onSubmit={onSubmit} noValidate aria-label="Find a complainant's complaints">
        <TextField
          label="Complainant's email"
          type="email"
          autoComplete="off"
          value={value}
          error={error ?? undefined}
          hint="Matches the whole address, in any letter case."
          onChange={(e) => setValue(e.target.value)}
        />
        <div className="filters-actions">
          <button type="submit" className="button">
            Find
          </button>
          {email ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setValue('');
                setError(null);
                onSearch(undefined);
              }}
            >
              Clear
            </button>
          ) : null}
        </div>
      </form>
    </search>
  );
}
