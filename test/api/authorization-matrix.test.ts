import { tokenRefusal } from '@docket/server/middleware/session';
import { can } from '@docket/shared/permissions';
import { type Role, roles } from '@docket/shared/roles';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { Agent, type Reply } from '../support/agent';
import { makePerson, signedIn } from '../support/factories';
import { rowCounts } from '../support/table-counts';
import { setupTestApp, type TestContext } from '../support/test-app';
import { routePermissions } from './route-permissions';

let ctx: TestContext;

/** Every route the app serves, as "METHOD /path" (middleware registrations excluded). */
function servedRoutes(): string[] {
  const seen = new Set<string>();
  for (const route of ctx.app.routes) {
    if (route.method === 'ALL') continue;
    if (route.path.includes('*')) continue;
    seen.add(`${route.method} ${route.path}`);
  }
  return [...seen].sort();
}

async function snapshot() {
  const counts = await rowCounts(ctx.deps.db);
  const last = await sql<{ hash: string | null }>`select max(hash) as hash from audit_events`.execute(ctx.deps.db);
  return { counts, lastHash: last.rows[0]?.hash ?? null };
}

/** A script: its API token in the Authorization header, no cookie, no Origin header. */
class TokenAgent extends Agent {
  constructor(
    context: TestContext,
    private readonly secret: string,
  ) {
    super(context);
  }
  override request<T = any>(
    method: string,
    path: string,
    options: Parameters<Agent['request']>[2] = {},
  ): Promise<Reply<T>> {
    return super.request<T>(method, path, {
      ...options,
      origin: null,
      headers: { ...options.headers, authorization: `Bearer ${this.secret}` },
    });
  }
}

type Actor = { name: string; agent: Agent; role: Role | null; full: boolean; token?: 'valid' | 'revoked' };
let actors: Actor[];

beforeAll(async () => {
  ctx = await setupTestApp();
  actors = [{ name: 'signed out', agent: new Agent(ctx), role: null, full: false }];
  for (const role of roles) actors.push({ name: role, agent: (await signedIn(ctx, role)).agent, role, full: true });
  // Password accepted, code not yet given.
  const half = await makePerson(ctx, { role: 'admin', twoFactor: true });
  const halfAgent = new Agent(ctx);
  await halfAgent.post('/api/auth/sign-in', { email: half.email, password: half.password });
  actors.push({ name: 'admin before 2-step', agent: halfAgent, role: 'admin', full: false });
  // A person disabled while signed in: their session ends with them.
  const { agent: disabledAgent, person } = await signedIn(ctx, 'legal');
  const admin = actors.find((a) => a.role === 'admin')?.agent as Agent;
  await admin.patch(`/api/users/${person.user.id}`, { version: person.user.version, status: 'disabled' });
  actors.push({ name: 'disabled legal', agent: disabledAgent, role: null, full: false });
  // One API token per role, and a revoked one that must be refused everywhere, public routes included.
  const expiresAt = new Date(ctx.clock.now().getTime() + 30 * 24 * 60 * 60 * 1000).toISOString();
  for (const role of roles) {
    const issued = await admin.post('/api/api-tokens', { name: `${role} token`, role, expiresAt });
    actors.push({
      name: `${role} API token`,
      agent: new TokenAgent(ctx, issued.body.secret),
      role,
      full: true,
      token: 'valid',
    });
  }
  const revoked = await admin.post('/api/api-tokens', { name: 'revoked token', role: 'admin', expiresAt });
  await admin.post(`/api/api-tokens/${revoked.body.token.id}/revocation`);
  actors.push({
    name: 'revoked API token',
    agent: new TokenAgent(ctx, revoked.body.secret),
    role: null,
    full: false,
    token: 'revoked',
  });
});

describe('authorization matrix', () => {
  it('has a declared rule for every route, and no rule for a route that does not exist', () => {
    const served = servedRoutes();
    const declared = Object.keys(routePermissions).sort();
    expect(served.filter((r) => !declared.includes(r))).toEqual([]);
    expect(declared.filter((r) => !served.includes(r))).toEqual([]);
  });

  it('lets exactly the declared roles through, and denied calls change nothing', async () => {
    const zero = '00000000-0000-4000-8000-000000000000';
    // Sign-out ends the caller's session: it goes last.
    const routes = servedRoutes().sort((a, b) => Number(a.endsWith('/sign-out')) - Number(b.endsWith('/sign-out')));
    let denied = 0;
    let allowed = 0;
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace(/:[a-zA-Z]+/g, zero);
      const rule = routePermissions[route];
      for (const actor of actors) {
        // A token may not use a person's own routes (sign-in, 2-step, password, sessions) nor manage tokens.
        const tokenRefused =
          actor.token === 'revoked' || (actor.token === 'valid' && tokenRefusal(method, path) !== null);
        const expectAllowed =
          !tokenRefused &&
          (rule === 'public' ||
            (rule === 'secondStep' && actor.role !== null) ||
            (actor.full &&
              actor.role !== null &&
              rule !== 'secondStep' &&
              rule !== undefined &&
              can(actor.role, rule)));
        const before = expectAllowed ? null : await snapshot();
        const res = await actor.agent.request(method, url, method === 'GET' || method === 'DELETE' ? {} : { json: {} });
        const label = `${route} as ${actor.name}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`;
        if (expectAllowed) {
          allowed += 1;
          expect([401, 403], label).not.toContain(res.status);
        } else {
          denied += 1;
          expect([401, 403], label).toContain(res.status);
          expect(await snapshot(), label).toEqual(before);
        }
      }
    }
    console.log(
      `authorization matrix: ${routes.length} routes × ${actors.length} actors: ${allowed} allowed, ${denied} denied`,
    );
    expect(denied).toBeGreaterThan(100);
    // A thousand requests with a database snapshot around each denial: minutes on a busy 2-core machine.
  }, 300_000);
});
