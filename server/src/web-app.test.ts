import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../test/support/agent';
import { signedIn } from '../../test/support/factories';
import { setupTestApp, type TestContext } from '../../test/support/test-app';
import { PAGE_CONTENT_SECURITY_POLICY, serveWebApp } from './web-app';

let ctx: TestContext;
let dist: string;
beforeAll(async () => {
  ctx = await setupTestApp();
  dist = mkdtempSync(join(tmpdir(), 'docket-web-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Docket</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("docket");');
  expect(serveWebApp(ctx.app, dist)).toBe(true);
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the web app beside the API', () => {
  it('serves its files, kept for a year, and a 404 for a file it does not have', async () => {
    const agent = new Agent(ctx);
    const asset = await agent.get('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log("docket");');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const missing of ['/assets/app-0ld.js', '/assets/', '/assets/fonts/none.woff2']) {
      const res = await agent.get(missing);
      expect(res.status, missing).toBe(404);
      expect(res.headers.get('content-type'), missing).not.toMatch(/html/);
      expect(res.headers.get('cache-control'), missing).toBe('no-cache');
    }
  });

  it('answers index.html for any page the browser opens, never kept, under its content security policy', async () => {
    const agent = new Agent(ctx);
    for (const page of [
      '/',
      '/index.html',
      '/requests',
      '/requests/2f1c6c4e-6a43-4c55-9b1e-3a6f8d1e2b7a',
      '/complaints?status=open',
    ]) {
      const res = await agent.get(page);
      expect(res.status, page).toBe(200);
      expect(res.headers.get('content-type'), page).toMatch(/^text\/html/);
      expect(res.body, page).toContain('<div id="root">');
      expect(res.headers.get('cache-control'), page).toBe('no-cache');
      expect(res.headers.get('content-security-policy'), page).toBe(PAGE_CONTENT_SECURITY_POLICY);
      // A document's own isolation headers (API answers leave them off: app.test.ts).
      expect(res.headers.get('cross-origin-opener-policy'), page).toBe('same-origin');
      expect(res.headers.get('referrer-policy'), page).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), page).toBe('nosniff');
    }
    expect(PAGE_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(PAGE_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(PAGE_CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('answers an API path that no route serves with the JSON 404, signed in or not', async () => {
    const { agent } = await signedIn(ctx, 'legal');
    for (const client of [new Agent(ctx), agent]) {
      for (const [method, path] of [
        ['GET', '/api/no-such-thing'],
        ['GET', '/api/legal-requests/imports/template'],
        ['GET', '/api/legal-requests/2f1c6c4e-6a43-4c55-9b1e-3a6f8d1e2b7a/no-such-list'],
        ['POST', '/api/no-such-thing'],
        ['DELETE', '/api/no-such-thing'],
      ] as const) {
        const res = await client.request(method, path, method === 'GET' ? {} : { json: {} });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body.error.code, `${method} ${path}`).toBe('not_found');
        expect(res.body.error.message).toBe(`No route for ${method} ${path}`);
      }
    }
  });

  it('answers a GET on an API path that only takes another method with 405, not the page', async () => {
    const res = await new Agent(ctx).get('/api/auth/sign-in');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('leaves the API routes to the API', async () => {
    const { agent } = await signedIn(ctx, 'legal');
    const list = await agent.get('/api/legal-requests');
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body.requests)).toBe(true);
    expect((await new Agent(ctx).get('/api/legal-requests')).status).toBe(401);
    const template = await agent.get('/api/legal-requests/imports/template.csv');
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toMatch(/^text\/csv/);
  });
});
