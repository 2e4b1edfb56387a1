import { useSignOut } from '../../../features/auth/api/sign-out';

/** Leaves a half-finished sign-in, e.g. to sign in as someone else. */
export function StartOverButton() {
  const signOut = useSignOut();
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => signOut.mutate(undefined, { onSettled: () => window.location.assign('/sign-in') })}
    >
      Sign in as someone else
    </button>
  );
}
