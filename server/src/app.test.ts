import { beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../test/support/agent';
import { signedIn } from '../../test/support/factories';
import { rowCounts } from '../../test/support/table-counts';
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

  it('answers a method a path does not serve with 405 and the methods it does, and changes nothing', async () => {
    const { agent } = await signedIn(ctx, 'legal');
    const before = await rowCounts(ctx.deps.db);
    const id = '2f1c6c4e-6a43-4c55-9b1e-3a6f8d1e2b7a';
    for (const client of [new Agent(ctx), agent]) {
      for (const [method, path, allow] of [
        ['PUT', '/api/legal-requests', 'GET, HEAD, POST'],
        ['DELETE', `/api/legal-requests/${id}`, 'GET, HEAD, PATCH'],
        ['GET', '/api/auth/sign-in', 'POST'],
        ['POST', `/api/legal-requests/${id}/history`, 'GET, HEAD'],
      ] as const) {
        const res = await client.request(method, path, method === 'GET' ? {} : { json: {} });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow'), `${method} ${path}`).toBe(allow);
        expect(res.body.error.code).toBe('method_not_allowed');
        expect(res.body.error.message).toBe(`${method} is not allowed on ${path}; it answers ${allow}`);
        expect(res.body.error.requestId).toBe(res.headers.get('x-request-id'));
      }
      // A path nothing serves is still a 404, whatever the method.
      const missing = await client.request('DELETE', '/api/nothing-here', { json: {} });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('allow')).toBeNull();
    }
    expect(await rowCounts(ctx.deps.db)).toEqual(before);
  });

  it('tells browsers and proxies not to keep API answers, errors included', async () => {
    const agent = new Agent(ctx);
    const unauthenticated = await agent.get('/api/legal-requests');
    const missing = await agent.get('/api/nothing-here');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('cache-control')).toBe('no-store');
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('gives API answers the headers that protect a response, and not those only a page needs', async () => {
    const { agent } = await signedIn(ctx, 'legal');
    for (const res of [await agent.get('/api/legal-requests'), await new Agent(ctx).get('/api/legal-requests')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(res.headers.get('x-permitted-cross-domain-policies')).toBe('none');
      for (const name of [
        'cross-origin-opener-policy',
        'origin-agent-cluster',
        'referrer-policy',
        'x-dns-prefetch-control',
        'x-download-options',
        'x-xss-protection',
      ]) {
        expect(res.headers.get(name), name).toBeNull();
      }
    }
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
