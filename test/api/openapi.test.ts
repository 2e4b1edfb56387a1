import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../support/agent';
import { signedIn } from '../support/factories';
import { setupTestApp, type TestContext } from '../support/test-app';
import { routePermissions } from './route-permissions';

let ctx: TestContext;
let document: any;

/** "/api/x/:id" → "/api/x/{id}", the OpenAPI way of writing a path parameter. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

beforeAll(async () => {
  ctx = await setupTestApp();
  const { agent } = await signedIn(ctx, 'support');
  const reply = await agent.get('/api/openapi.json');
  expect(reply.status).toBe(200);
  document = reply.body;
});

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every route the app serves, with the rule it is authorized by', () => {
    const served = new Set<string>();
    for (const route of ctx.app.routes) {
      if (route.method === 'ALL' || route.path.includes('*')) continue;
      served.add(`${route.method} ${route.path}`);
    }
    const missing: string[] = [];
    const wrongRule: string[] = [];
    for (const route of served) {
      const [method, path] = route.split(' ') as [string, string];
      const operation = document.paths[openApiPath(path)]?.[method.toLowerCase()];
      if (!operation) missing.push(route);
      else if (operation['x-docket-permission'] !== routePermissions[route]) wrongRule.push(route);
    }
    expect(missing).toEqual([]);
    expect(wrongRule).toEqual([]);
    console.log(`OpenAPI: ${served.size} routes, all in the document`);
  });

  it('carries the request schemas the routes validate with', () => {
    const create = document.paths['/api/legal-requests'].post;
    const body = create.requestBody.content['application/json'].schema;
    const schema = body.$ref ? document.components.schemas[body.$ref.split('/').pop()] : body;
    expect(schema.required).toEqual(expect.arrayContaining(['processType', 'agencyId', 'country']));
    expect(schema.additionalProperties).toBe(false);
    const get = document.paths['/api/legal-requests/{id}'].get;
    expect(get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'path', name: 'id', required: true })]),
    );
  });

  it('is not served to someone signed out', async () => {
    expect((await new Agent(ctx).get('/api/openapi.json')).status).toBe(401);
  });
});
