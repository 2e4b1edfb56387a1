import { idParamSchema } from '@docket/shared/legal-requests.schemas';
import { publishReportSchema, reportQuerySchema, type TransparencyReport } from '@docket/shared/reports.schemas';
import { stringify } from 'csv-stringify/sync';
import { type Context, Hono } from 'hono';
import { actorOf } from '../../lib/actor';
import type { AppEnv } from '../../lib/context';
import { jsonBody, pathParams, queryParams } from '../../lib/validation';
import { authorize } from '../../middleware/roles';
import {
  CSV_COLUMNS,
  csvRows,
  getPublished,
  listPublished,
  publishReport,
  reportWithComparison,
} from './reports.service';

function csvResponse(c: Context<AppEnv>, report: TransparencyReport, name: string) {
  const body = stringify(csvRows(report), { header: true, columns: [...CSV_COLUMNS] });
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}.csv"`,
  });
}

const fileName = (r: TransparencyReport) => `docket-transparency-${r.periodStart}-${r.periodEnd}`;

export const reportsRoutes = new Hono<AppEnv>()
  .get('/transparency', authorize('reports.read'), queryParams(reportQuerySchema), async (c) => {
    return c.json(await reportWithComparison(c.get('deps'), c.req.valid('query')), 200);
  })
  .get('/transparency.csv', authorize('reports.read'), queryParams(reportQuerySchema), async (c) => {
    const { report } = await reportWithComparison(c.get('deps'), c.req.valid('query'));
    return csvResponse(c, report, fileName(report));
  })
  .get('/transparency.json', authorize('reports.read'), queryParams(reportQuerySchema), async (c) => {
    const { report } = await reportWithComparison(c.get('deps'), c.req.valid('query'));
    c.header('Content-Disposition', `attachment; filename="${fileName(report)}.json"`);
    return c.json(report, 200);
  })
  .get('/published', authorize('reports.read'), async (c) =>
    c.json({ reports: await listPublished(c.get('deps')) }, 200),
  )
  .post('/published', authorize('reports.publish'), jsonBody(publishReportSchema), async (c) => {
    return c.json({ published: await publishReport(c.get('deps'), actorOf(c), c.req.valid('json')) }, 201);
  })
  .get('/published/:id', authorize('reports.read'), pathParams(idParamSchema), async (c) => {
    return c.json({ published: await getPublished(c.get('deps'), c.req.valid('param').id) }, 200);
  })
  .get('/published/:id/csv', authorize('reports.read'), pathParams(idParamSchema), async (c) => {
    const published = await getPublished(c.get('deps'), c.req.valid('param').id);
    return csvResponse(c, published.report, `${fileName(published.report)}-published`);
  });
