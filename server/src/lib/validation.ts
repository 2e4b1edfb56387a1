import type { ErrorIssue } from '@docket/shared/errors';
import { zValidator } from '@hono/zod-validator';
import type { Context, Next } from 'hono';
import type { z } from 'zod';
import { AppError } from './errors';

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

/** Validates a JSON body with a shared schema: 415 if it is not JSON, 400 naming the field if it is wrong. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  const validate = zValidator('json', schema, hook);
  const middleware: typeof validate = async (c: Context, next: Next) => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!jsonMediaType.test(mediaType)) {
      throw new AppError('unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json)');
    }
    try {
      await c.req.json();
    } catch {
      throw new AppError('invalid_json', 'The request body is not valid JSON');
    }
    return validate(c, next);
  };
  return middleware;
}

export const queryParams = <T extends z.ZodType>(schema: T) => zValidator('query', schema, hook);
export const pathParams = <T extends z.ZodType>(schema: T) => zValidator('param', schema, hook);
