import type { Context } from 'hono';
import type { Actor, AppEnv } from './context';

export function actorOf(c: Context<AppEnv>): Actor {
  return { userId: c.get('auth')?.user.id ?? null, requestId: c.get('requestId') };
}
