import { useDraft, wholeDate } from '../lib/use-draft';
import { TextField } from './text-field';

interface DraftDateFieldProps {
  label: string;
  /** The date in the URL ('' for none). */
  value: string;
  error?: string | undefined;
  /** Whether the box may be emptied, which clears the date. */
  optional?: boolean;
  onCommit: (value: string) => void;
}

/** A date box over a date kept in the URL: what is typed stays; the URL changes once the box holds a whole date. */
export function DraftDateField({ label, value, error, optional = false, onCommit }: DraftDateFieldProps) {
  const [draft, setDraft, expectUrl] = useDraft(value);
  const commit = (next: string) => {
    if ((next === '' && !optional) || next === value) return;
    expectUrl(next);
    onCommit(next);
  };
  return (
    <TextField
      label={label}
      type="date"
      value={draft}
      error={error}
      onChange={(e) => {
        setDraft(e.target.value);
        if (wholeDate(e.target.value) || e.target.value === '') commit(e.target.value);
      }}
      onBlur={(e) => commit(e.target.value)}
    />
  );
}
