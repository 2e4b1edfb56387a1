import { useState } from 'react';

/**
 * What a box shows for a value kept in the URL. The URL changes in a transition, so a box bound to it straight
 * away would be put back to the old value after each keystroke and lose what was typed. The draft is what is
 * typed; `expectUrl(value)` says the page is writing `value` to the URL, and when the URL arrives there the draft
 * is left alone (the person may have typed on). A change of URL from elsewhere (Back, a link) replaces the draft.
 */
export function useDraft(urlValue: string) {
  const [draft, setDraft] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  const [expected, setExpected] = useState<string | null>(null);
  if (urlValue !== seen) {
    setSeen(urlValue);
    if (urlValue !== expected) setDraft(urlValue);
  }
  return [draft, setDraft, setExpected] as const;
}

/** A date input passes through years like 0002 and 0020 while a year is typed; a whole date has a plausible one. */
export const wholeDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= '1970-01-01';
