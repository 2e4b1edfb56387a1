/**
 * The page to return to after signing in, taken from `?next=`. Only same-site paths are accepted,
 * so a crafted link cannot send someone to another site after they sign in.
 */
export function safeNext(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/sign-in')) return '/';
  return value;
}

export function withNext(path: string, next: string): string {
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
}
