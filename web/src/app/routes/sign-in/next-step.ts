import type { Me } from '@docket/shared/auth.schemas';
import { withNext } from '../../../lib/safe-next';

/** Where a person goes after a sign-in step, given what the server says comes next. */
export function nextStepPath(me: Me, next: string): string {
  if (me.next === 'verify') return withNext('/sign-in/verify', next);
  if (me.next === 'enroll') return withNext('/sign-in/enroll', next);
  return next;
}
