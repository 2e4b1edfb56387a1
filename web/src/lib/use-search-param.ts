import { useSearchParams } from 'react-router';

/** One query-string value as state; changes replace the history entry so typing does not flood Back. */
export function useSearchParam(key: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return [params.get(key) ?? '', set];
}
