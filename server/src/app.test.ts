import { beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../test/support/agent';
import { setupTestApp, type TestContext } from '../../test/support/test-app';
import { authorize } from './middleware/roles';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
  // Routes added for this test only: one that fails unexpectedly, one that forgot its authorization rule.
  ctx.app.get('/api/test/explode', authorize('public'), () => {
    throw new Error('kaboom: internal detail');
  });
  ctx.app.get('/api/test/unguarded', (c) => c.json({ secret: 'data' }));
});

describe('app shell', () => {
  it('answers /healthz and /readyz', async () => {
    const agent = new Agent(ctx);
    expect((await agent.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await agent.get('/readyz')).body).toEqual({ status: 'ready' });
  });

  it('puts a request id on every response, errors included', async () => {
    const agent = new Agent(ctx);
    const ok = await agent.get('/healthz');
    const missing = await agent.get('/api/nothing-here');
    expect(ok.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect(missing.body.error.requestId).toBe(missing.headers.get('x-request-id'));
  });

  it('tells browsers and proxies not to keep API answers, errors included', async () => {
    const agent = new Agent(ctx);
    const unauthenticated = await agent.get('/api/legal-requests');
    const missing = await agent.get('/api/nothing-here');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('cache-control')).toBe('no-store');
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('turns an unexpected exception into a generic 500 and logs its stack', async () => {
    const res = await new Agent(ctx).get('/api/test/explode');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal');
    expect(JSON.stringify(res.body)).not.toContain('kaboom');
    const logged = ctx.logLines.find((line) => line.includes('kaboom'));
    expect(logged).toContain(res.body.error.requestId);
    expect(logged).toContain('app.test.ts'); // the stack
  });

  it('fails closed when a route has no authorization rule', async () => {
    const res = await new Agent(ctx).get('/api/test/unguarded');
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('data"');
  });
});
