import { errorStatus } from '@docket/shared/errors';
import { permissions } from '@docket/shared/permissions';
import type { Hono, MiddlewareHandler } from 'hono';
import { type DescribeRouteOptions, generateSpecs, resolver, uniqueSymbol } from 'hono-openapi';
import type { z } from 'zod';
import type { AppEnv } from './context';

/**
 * The API reference is generated from the running app: every validator carries the zod schema it
 * validates with, and every route's authorize() carries its rule, so a route cannot be missing
 * from the document or differ from what it accepts.
 */
type Target = 'json' | 'query' | 'param';

/** Marks a validating middleware with the schema it checks, the way hono-openapi's own validator does. */
export function documentInput<M extends MiddlewareHandler>(middleware: M, target: Target, schema: z.ZodType): M {
  return Object.assign(middleware, { [uniqueSymbol]: { target, ...resolver(schema), options: undefined } });
}

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorStatus) },
        message: { type: 'string' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
        requestId: { type: 'string' },
        retryAfterSeconds: { type: 'integer' },
        allowed: { type: 'array', items: { type: 'string' } },
      },
    },
  },
} as const;

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** Marks an authorize() middleware with who may call the route. */
export function documentRule<M extends MiddlewareHandler>(middleware: M, rule: string): M {
  const roles = rule in permissions ? (permissions as Record<string, readonly string[]>)[rule] : undefined;
  const who =
    rule === 'public'
      ? 'No sign-in needed.'
      : rule === 'secondStep'
        ? 'Any signed-in session, also one that has not passed 2-step verification yet.'
        : `Permission \`${rule}\`: ${roles?.join(', ')}.`;
  const spec: DescribeRouteOptions = {
    description: who,
    'x-docket-permission': rule,
    ...(rule === 'public' ? { security: [] } : {}),
    responses: {
      '2XX': { description: 'Success' },
      ...(rule === 'public'
        ? {}
        : {
            '401': errorResponse('Not signed in, or the session or API token is not valid'),
            '403': errorResponse('The role does not allow this, or 2-step verification is needed first'),
          }),
      '404': errorResponse('No such record'),
      '409': errorResponse('A version conflict or a move the workflow does not allow'),
    },
  } as DescribeRouteOptions;
  return Object.assign(middleware, { [uniqueSymbol]: { spec } });
}

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

export async function buildOpenApiDocument(app: Hono<AppEnv>) {
  const document = await generateSpecs(app, {
    excludeStaticFile: false,
    defaultValidationErrorResponse: errorResponse('The input is not valid; `issues` names each wrong field'),
    exclude: [/^\/api\/\*$/, /^\/\*$/],
    documentation: {
      info: {
        title: 'Docket API',
        version: '1',
        description:
          'Legal requests, complaints, escalations and transparency reports. Every request body and query is ' +
          'validated against the schemas below; a refusal is a 4xx with `{error:{code,message,issues}}` naming ' +
          'each wrong field. Writes need an `Origin` header of a Docket page when made with the session cookie; ' +
          'scripts use an API token (`Authorization: Bearer dkt_…`).',
      },
      servers: [{ url: '/' }],
      components: {
        schemas: { Error: errorBody as never },
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'docket_session' },
          apiToken: { type: 'http', scheme: 'bearer', description: 'An API token issued by an admin' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
  });
  // One tag per area (the first path segment after /api), and an id per operation.
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const area = path.split('/')[2] ?? 'health';
    for (const method of methods) {
      const operation = (item as Record<string, Record<string, unknown> | undefined>)[method];
      if (!operation) continue;
      operation.tags = [area.startsWith('healthz') || area.startsWith('readyz') ? 'health' : area];
      operation.operationId ??= `${method} ${path}`;
      operation.summary ??= `${method.toUpperCase()} ${path}`;
    }
  }
  return document;
}
