import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './lib/context';

/**
 * Serves the built web app beside the API: its files as they are, and index.html for every other page
 * (the single-page app routes in the browser). A path under /api/ is never a page: one that no route
 * answers stays the API's JSON 404, not the app's HTML. Answers false when there is no build to serve.
 */
export function serveWebApp(app: Hono<AppEnv>, webDistDir: string): boolean {
  const indexFile = join(webDistDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile, 'utf8');
  const files = serveStatic<AppEnv>({ root: webDistDir });
  app.use('/*', (c, next) => (c.req.path.startsWith('/api/') ? next() : files(c, next)));
  app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(indexHtml)));
  return true;
}
