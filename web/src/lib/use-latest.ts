import { type RefObject, useRef } from 'react';

/**
 * A ref that always holds the latest value. Forms on the case page send the request's current
 * version at submit time without resetting what the person has typed when the case reloads.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
