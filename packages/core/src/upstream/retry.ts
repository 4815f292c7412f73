import { setTimeout as delay } from 'node:timers/promises';

/** Statuses that mean "try again later" from a gateway or an overloaded origin. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/** Socket-level failures that happen before or while a response is read and are worth one more try. */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

export interface BackoffOptions {
  /** First delay; doubles on each retry. */
  baseMs: number;
  /** Upper bound on one delay. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 200, maxMs: 5000 };

/** "Full jitter" exponential backoff: uniform in [exp/2, exp], so clients that failed together spread out. */
export const backoffDelay = (attempt: number, options: BackoffOptions, random = Math.random): number => {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
  return Math.round(exp / 2 + (random() * exp) / 2);
};

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable; a date in the past gives 0.
 */
export const parseRetryAfter = (value: string | undefined, now = Date.now()): number | undefined => {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names its month; this keeps bare numbers such as "-5" from parsing as a year.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
};

/** Sleeps `ms`, or rejects with the signal's reason as soon as it aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  ms <= 0 && !signal?.aborted ? Promise.resolve() : delay(ms, undefined, { signal });
