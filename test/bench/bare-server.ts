// The baseline for the HTTP benchmark: the least a Hono app on Node can do to answer "one case by id"
// from the same database — one route, one primary-key SELECT through postgres.js (a pool of 10, as
// Docket's), no sessions, no validation, no logging. Started by bench-support.ts in a child process.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';

const port = Number(process.env.BARE_PORT);
const url = process.env.BARE_DATABASE_URL;
if (!port || !url) throw new Error('BARE_PORT and BARE_DATABASE_URL are required');

const sql = postgres(url, { max: 10, onnotice: () => {} });

const app = new Hono()
  .get('/ready', (c) => c.json({ ok: true }))
  .get('/legal-requests/:id', async (c) => {
    const [row] = await sql`
      select id, reference, status, process_type, country, received_at, due_at, next_deadline_at, version
      from legal_requests where id = ${c.req.param('id')}`;
    return row ? c.json({ request: row }) : c.json({ error: 'not found' }, 404);
  });

const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
process.on('SIGTERM', () => {
  server.close();
  void sql.end().then(() => process.exit(0));
});
