/** Every error code the API can answer with, and the HTTP status that goes with it. */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_code: 401,
  two_factor_required: 403,
  two_factor_enrollment_required: 403,
  forbidden: 403,
  origin_mismatch: 403,
  account_disabled: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  version_conflict: 409,
  email_taken: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    issues?: ErrorIssue[];
    requestId?: string;
    retryAfterSeconds?: number;
    /** For a refused workflow move: the moves that are allowed from the current status. */
    allowed?: string[];
  };
}
