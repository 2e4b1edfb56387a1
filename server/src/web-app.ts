import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './lib/context';

/**
 * What the web app's page may load, for the browser to enforce: scripts, styles, fonts and API calls
 * from Docket's own origin only (no inline script, so injected markup cannot run), images also as
 * data: URIs (the 2-step verification QR code); no plugins, no <base>, forms post only here, and no
 * other site may frame the page.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Vite names every file under /assets/ by its content: a name never changes meaning, so it may be kept. */
const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app beside the API: its files as they are, and index.html for every other page
 * (the single-page app routes in the browser). The page itself is asked for again on each visit
 * (`no-cache`), so that a new version's page, naming its new files, is seen at once. A path under
 * /api/ is never a page: one that no route answers stays the API's JSON 404; nor is a missing file
 * under /assets/ (a page of an older version asking for a file it no longer has gets a 404, not HTML).
 * Answers false when there is no build to serve.
 */
export function serveWebApp(app: Hono<AppEnv>, webDistDir: string): boolean {
  const indexFile = join(webDistDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile, 'utf8');
  const page = (c: Context<AppEnv>) => {
    c.header('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY);
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  };
  const files = serveStatic<AppEnv>({ root: webDistDir });
  const isPageOrApi = (path: string) => path.startsWith('/api/') || path === '/' || path === '/index.html';
  app.use('/*', (c, next) => {
    if (isPageOrApi(c.req.path)) return next();
    // serveStatic builds its answer from the headers set so far (its onFound runs after).
    if (c.req.path.startsWith('/assets/')) c.header('Cache-Control', ASSET_CACHE_CONTROL);
    return files(c, next);
  });
  app.get('/assets/*', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.text('Not found', 404);
  });
  app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : page(c)));
  return true;
}
