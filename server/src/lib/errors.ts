import { type ErrorCode, type ErrorIssue, errorStatus } from '@docket/shared/errors';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The one error type of the API. Anything else that reaches the error handler is a 500. */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { issues?: ErrorIssue[]; retryAfterSeconds?: number; allowed?: string[] } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatus[code] as ContentfulStatusCode;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const versionConflict = (what: string) =>
  new AppError('version_conflict', `${what} was changed by someone else since you loaded it; reload and try again`);
