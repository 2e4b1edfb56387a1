import type { AppType } from '@docket/server/app';
import type { ErrorBody, ErrorCode, ErrorIssue } from '@docket/shared/errors';
import { type ClientResponse, hc } from 'hono/client';

/** Same-origin client: the session cookie rides along and the browser adds Origin to writes. */
export const client = hc<AppType>('/', { init: { credentials: 'same-origin' } });

/** Any non-2xx answer from the API, carrying the server's error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network_error' | 'unknown';
  readonly issues: ErrorIssue[];
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** For a refused workflow move (409 invalid_transition): the moves allowed from the current status. */
  readonly allowed: string[];

  constructor(status: number, body: Partial<ErrorBody['error']>) {
    super(body.message ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? 'unknown';
    this.issues = body.issues ?? [];
    this.requestId = body.requestId;
    this.retryAfterSeconds = body.retryAfterSeconds;
    this.allowed = body.allowed ?? [];
  }
}

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226;

/** The JSON body of the 2xx variants of a typed client response. */
export type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, infer _F>
    ? S extends SuccessStatus
      ? S extends 204
        ? undefined
        : T
      : never
    : never;

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && typeof value.error === 'object';
}

/** The ApiError for a non-2xx response, from the server's error body when it sent one. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isErrorBody(body)) {
    const retryHeader = Number(response.headers.get('retry-after'));
    const retryAfterSeconds =
      body.error.retryAfterSeconds ?? (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined);
    return new ApiError(response.status, { ...body.error, retryAfterSeconds });
  }
  return new ApiError(response.status, { message: `The server answered ${response.status} ${response.statusText}` });
}

export const networkError = () =>
  new ApiError(0, { message: 'Could not reach the server. Check your connection and try again.' });

/**
 * Awaits a typed client call and returns its JSON body, or throws ApiError for any non-2xx answer
 * (and for a network failure, so every caller handles one error type).
 */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
): Promise<SuccessBody<R>> {
  let response: R;
  try {
    response = await request;
  } catch {
    throw networkError();
  }
  if (response.ok) {
    if (response.status === 204) return undefined as SuccessBody<R>;
    return (await response.json()) as SuccessBody<R>;
  }
  throw await apiErrorFrom(response as unknown as Response);
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
