import type { Me } from '@docket/shared/auth.schemas';
import { createContext, useContext } from 'react';

export const CurrentUserContext = createContext<Me | null>(null);

/** The fully signed-in person; only usable below the route guard. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser must be used inside RequireAuth');
  return me;
}
