import { useSearchParams } from 'react-router';
import { useDraft } from './use-draft';

/**
 * A change to a filter kept in the URL: the new values, or a function of the filter as the URL has it when the
 * change is applied (for a list of values, where a tick must add to ticks the page has not drawn yet).
 */
export type FilterChange<F> = Partial<F> | ((current: F) => Partial<F>);

/** The filter after a change, read from and written to the URL by the page's own two functions. */
export function changedFilter<F>(current: F, change: FilterChange<F>): F {
  return { ...current, ...(typeof change === 'function' ? change(current) : change) };
}

/** A change that sets one query-string value, or removes it when empty. */
export const withParam =
  (key: string, value: string) =>
  (current: URLSearchParams): URLSearchParams => {
    if (value) current.set(key, value);
    else current.delete(key);
    return current;
  };

type UpdateParams = (update: (current: URLSearchParams) => URLSearchParams) => void;

/**
 * The query string as state, with a setter that builds on the address bar as it is when the change is made.
 * React Router's own setter (its function form too) starts from the copy the handler's render saw, so a second
 * change made before the page re-rendered (a sort, then a date, quickly, on a busy machine) silently dropped the
 * first (react-router#9757). Changes replace the history entry so typing does not flood Back.
 */
export function useUrlParams(): [URLSearchParams, UpdateParams] {
  const [params, setParams] = useSearchParams();
  const update: UpdateParams = (change) =>
    setParams(change(new URLSearchParams(window.location.search)), { replace: true });
  return [params, update];
}

/** One query-string value as the state of a box: what is typed stays while the URL follows (useDraft). */
export function useSearchParam(key: string): [string, (value: string) => void] {
  const [params, update] = useUrlParams();
  const [draft, setDraft, expectUrl] = useDraft(params.get(key) ?? '');
  const set = (value: string) => {
    setDraft(value);
    expectUrl(value);
    update(withParam(key, value));
  };
  return [draft, set];
}
