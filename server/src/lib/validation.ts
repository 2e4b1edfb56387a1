import type { ErrorIssue } from '@docket/shared/errors';
import { zValidator } from '@hono/zod-validator';
import type { Context, Next } from 'hono';
import type { z } from 'zod';
import { AppError } from './errors';
import { documentInput } from './openapi';

function toIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    // zod names unknown keys in the message, not the path: put them in the path so the field is named.
    if (issue.code === 'unrecognized_keys') {
      return {
        path: issue.keys.join(','),
        message: `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`,
      };
    }
    return { path, message: issue.message };
  });
}

function describe(issues: ErrorIssue[]): string {
  const first = issues[0];
  if (!first) return 'The request is not valid';
  const where = first.path ? `${first.path}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where}${first.message}${more}`;
}

const hook = (result: { success: boolean; error?: unknown }) => {
  if (!result.success) {
    const issues = toIssues(result.error as z.ZodError);
    throw new AppError('validation_failed', describe(issues), { issues });
  }
};

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;

/** PostgreSQL text cannot hold NUL characters: refuse them at the door, naming the field. */
function findNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, [...path, String(i)]);
      if (found !== null) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\u0000') ? [...path, key].join('.') : findNul(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

function refuseNul(value: unknown): void {
  const path = findNul(value);
  if (path !== null) {
    const message = 'Text may not contain NUL characters';
    throw new AppError('validation_failed', `${path || 'body'}: ${message}`, { issues: [{ path, message }] });
  }
}

/** Validates a JSON body with a shared schema: 415 if it is not JSON, 400 naming the field if it is wrong. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  const validate = zValidator('json', schema, hook);
  const middleware: typeof validate = async (c: Context, next: Next) => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!jsonMediaType.test(mediaType)) {
      throw new AppError('unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json)');
    }
    let parsed: unknown;
    try {
      parsed = await c.req.json();
    } catch {
      throw new AppError('invalid_json', 'The request body is not valid JSON');
    }
    refuseNul(parsed);
    return validate(c, next);
  };
  return documentInput(middleware, 'json', schema);
}

export function queryParams<T extends z.ZodType>(schema: T) {
  const validate = zValidator('query', schema, hook);
  const middleware: typeof validate = async (c: Context, next: Next) => {
    refuseNul(c.req.queries());
    return validate(c, next);
  };
  return documentInput(middleware, 'query', schema);
}
export const pathParams = <T extends z.ZodType>(schema: T) =>
  documentInput(zValidator('param', schema, hook), 'param', schema);
