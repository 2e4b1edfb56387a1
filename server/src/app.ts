import type { ErrorBody } from '@docket/shared/errors';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { TrieRouter } from 'hono/router/trie-router';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './lib/context';
import { AppError } from './lib/errors';
import { buildOpenApiDocument } from './lib/openapi';
import { originCheck } from './middleware/origin-check';
import { requestLog } from './middleware/request-log';
import { authorize } from './middleware/roles';
import { sessionMiddleware } from './middleware/session';
import { agenciesRoutes } from './modules/agencies/agencies.routes';
import { apiTokensRoutes } from './modules/api-tokens/api-tokens.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { complaintsRoutes } from './modules/complaints/complaints.routes';
import { retentionRoutes } from './modules/complaints/retention.routes';
import { healthRoutes } from './modules/health/health.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { legalRequestsRoutes } from './modules/legal-requests/legal-requests.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { categoriesRoutes, regulatorsRoutes } from './modules/regulators/regulators.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { searchRoutes } from './modules/search/search.routes';
import { settingsRoutes } from './modules/settings/settings.routes';
import { usersRoutes } from './modules/users/users.routes';

const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Maps anything thrown to the one error body. Only AppError messages reach a client verbatim. */
function toErrorResponse(
  err: Error,
  requestIdValue: string,
  deps: AppDeps,
): { status: number; body: ErrorBody; retryAfter?: number } {
  if (err instanceof AppError) {
    const { issues, retryAfterSeconds, allowed } = err.extra;
    return {
      status: err.status,
      body: {
        error: {
          code: err.code,
          message: err.message,
          ...(issues ? { issues } : {}),
          ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
          ...(allowed ? { allowed } : {}),
          requestId: requestIdValue,
        },
      },
      ...(retryAfterSeconds ? { retryAfter: retryAfterSeconds } : {}),
    };
  }
  if (err instanceof HTTPException && err.status < 500) {
    return {
      status: err.status,
      body: { error: { code: 'bad_request', message: err.message || 'Bad request', requestId: requestIdValue } },
    };
  }
  const pgCode = (err as { code?: unknown }).code;
  if (pgCode === '40001' || pgCode === '40P01') {
    return {
      status: 409,
      body: {
        error: {
          code: 'conflict',
          message: 'Another change happened at the same moment; try again',
          requestId: requestIdValue,
        },
      },
    };
  }
  deps.logger.error({ err, requestId: requestIdValue }, 'unhandled error');
  return {
    status: 500,
    body: {
      error: {
        code: 'internal',
        message: `Something went wrong on our side. Quote request id ${requestIdValue} if you report it.`,
        requestId: requestIdValue,
      },
    },
  };
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The methods some route of the app answers on a path (HEAD wherever GET is), for a 405's Allow header. Built
 * from the app's routes on first use, and again if routes were added since.
 */
function methodsOnPath(app: Hono<AppEnv>) {
  let built: { count: number; router: TrieRouter<string> } | undefined;
  return (path: string): string[] => {
    if (built?.count !== app.routes.length) {
      const router = new TrieRouter<string>();
      // Middleware is registered for every method ('ALL'); only the API's routes say what an API path answers (the
      // web app's page fallback takes any GET).
      for (const route of app.routes) {
        if (route.method !== 'ALL' && route.path.startsWith('/api/'))
          router.add(route.method, route.path, route.method);
      }
      built = { count: app.routes.length, router };
    }
    const { router } = built;
    const answered = new Set(
      METHOD_ORDER.filter((method) => method !== 'HEAD' && router.match(method, path)[0].length > 0),
    );
    if (answered.has('GET')) answered.add('HEAD');
    return METHOD_ORDER.filter((method) => answered.has(method));
  };
}

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const allowedMethods = methodsOnPath(app);

  app.onError((err, c) => {
    const { status, body, retryAfter } = toErrorResponse(err, c.get('requestId') ?? 'unknown', deps);
    if (retryAfter) c.header('Retry-After', String(retryAfter));
    return c.json(body, status as 400);
  });
  app.notFound((c) => {
    c.set('authorizationChecked', true);
    // A path the API serves, with a method it does not: 405 and the methods it does answer there.
    const allowed = c.req.path.startsWith('/api/') ? allowedMethods(c.req.path) : [];
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '));
      return c.json(
        {
          error: {
            code: 'method_not_allowed',
            message: `${c.req.method} is not allowed on ${c.req.path}; it answers ${allowed.join(', ')}`,
            requestId: c.get('requestId'),
          },
        },
        405,
      );
    }
    return c.json(
      {
        error: {
          code: 'not_found',
          message: `No route for ${c.req.method} ${c.req.path}`,
          requestId: c.get('requestId'),
        },
      },
      404,
    );
  });

  app.use(requestId({ generator: () => crypto.randomUUID() }));
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('authorizationChecked', false);
    await next();
  });
  app.use(requestLog);
  // A page of the web app gets every header a document needs. An API answer is JSON or a file, never a
  // document the browser runs: it keeps the headers that protect a response itself (no sniffing, no
  // cross-origin embedding or framing, HSTS, not kept: below) and leaves off those that only mean
  // something for a document (opener and agent-cluster isolation, referrer, DNS prefetch, IE's download
  // and XSS filters), which every API request would otherwise carry for nothing.
  const documentHeaders = secureHeaders({ crossOriginEmbedderPolicy: false });
  const apiHeaders = secureHeaders({
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xXssProtection: false,
  });
  app.use((c, next) => (c.req.path.startsWith('/api/') ? apiHeaders(c, next) : documentHeaders(c, next)));
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_JSON_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `The request body is larger than ${MAX_JSON_BODY_BYTES} bytes`);
    },
  });
  // File uploads stream to disk under their own, larger limit (attachments service); CSV imports stream
  // through the importer under theirs (imports service).
  // A GET or HEAD has no body to limit (and asking a Node request for its body builds a whole Request).
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' ||
    c.req.method === 'HEAD' ||
    c.req.path.endsWith('/attachments') ||
    c.req.path === '/api/legal-requests/imports'
      ? next()
      : jsonBodyLimit(c, next),
  );
  // API answers carry case data and personal data: no browser or proxy keeps a copy, unless a route says
  // otherwise (a download sets its own). Set before the route runs, so that the route's own value wins.
  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });
  app.use(originCheck);
  app.use(sessionMiddleware);
  // Fail closed: an API route that forgot to call authorize() answers 500 instead of serving data.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.get('authorizationChecked')) {
      deps.logger.error({ path: c.req.path, method: c.req.method }, 'route without authorization check');
      c.res = c.json(
        {
          error: {
            code: 'internal',
            message: 'Route is missing its authorization rule',
            requestId: c.get('requestId'),
          },
        },
        500,
      );
    }
  });

  // Generated from the running app on first request (every route is registered by then), then kept.
  let openApi: Promise<unknown> | undefined;
  app.get('/api/openapi.json', authorize('self.manage'), async (c) => {
    openApi ??= buildOpenApiDocument(app);
    return c.json(await openApi, 200);
  });

  // The imports come before the legal requests, so that their /:id does not take /imports.
  return app
    .route('/', healthRoutes)
    .route('/api/auth', authRoutes)
    .route('/api/users', usersRoutes)
    .route('/api/api-tokens', apiTokensRoutes)
    .route('/api/settings', settingsRoutes)
    .route('/api/audit', auditRoutes)
    .route('/api/agencies', agenciesRoutes)
    .route('/api/legal-requests/imports', importsRoutes)
    .route('/api/legal-requests', legalRequestsRoutes)
    .route('/api/complaints', complaintsRoutes)
    .route('/api/regulators', regulatorsRoutes)
    .route('/api/complaint-categories', categoriesRoutes)
    .route('/api/notifications', notificationsRoutes)
    .route('/api/retention', retentionRoutes)
    .route('/api/reports', reportsRoutes)
    .route('/api/search', searchRoutes);
}

export type AppType = ReturnType<typeof createApp>;
