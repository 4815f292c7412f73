/**
 * Typed error codes shared by every tool and upstream call. Expected failures are values, never throws:
 * an agent reads `code` to decide what to do next, and `message` is one human sentence.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'upstream_http',
  'upstream_timeout',
  'upstream_bad_response',
  'upstream_too_large',
  'rate_limited',
  'blocked',
  'forbidden_target',
  'not_configured',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T, E extends ErrorPayload = ErrorPayload> =
  | { ok: true; value: T }
  | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const err = (
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): { ok: false; error: ErrorPayload } => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
