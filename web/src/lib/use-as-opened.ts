import { useState } from 'react';

/**
 * The record as it was when the form opened: what the person edits, what the save is measured against, and the
 * version it is sent from. If someone saved a change meanwhile, the save is refused as a conflict the person sees,
 * instead of the old values still in the form silently undoing it. (Forms that start blank send the latest
 * version instead: useLatest.)
 */
export function useAsOpened<T>(record: T): T {
  const [opened] = useState(record);
  return opened;
}
