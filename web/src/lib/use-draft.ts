import { useState } from 'react';

/**
 * What a box shows for a value kept in the URL. The URL changes in a transition, so a box bound to it straight
 * away would be put back to the old value after each keystroke and lose what was typed. The draft is what is
 * typed; `expectUrl(value)` says the page is writing `value` to the URL. When the URL arrives at a value the page
 * wrote (the last, or one on the way to it when several keystrokes were pending), the draft is left alone: the
 * person may have typed on. A change of URL from elsewhere (Back, a link) replaces the draft.
 */
export function useDraft(urlValue: string) {
  const [draft, setDraft] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  const [written, setWritten] = useState<readonly string[]>([]);
  if (urlValue !== seen) {
    setSeen(urlValue);
    const at = written.indexOf(urlValue);
    if (at >= 0) {
      setWritten(written.slice(at + 1));
    } else {
      setWritten([]);
      setDraft(urlValue);
    }
  }
  const expectUrl = (value: string) => setWritten((values) => [...values, value]);
  return [draft, setDraft, expectUrl] as const;
}

/** A date input passes through years like 0002 and 0020 while a year is typed; a whole date has a plausible one. */
export const wholeDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= '1970-01-01';
