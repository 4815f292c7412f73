import type { Dispatcher } from 'undici';
import { type ErrorPayload, err, ok, type Result } from '../errors.js';
import { sendOnce } from './attempt.js';
import { decodeBody } from './charset.js';
import type { Limiter } from './limiter.js';
import type { PreparedRequest } from './request.js';
import {
  type BackoffOptions,
  backoffDelay,
  parseRetryAfter,
  RETRYABLE_NETWORK_CODES,
  RETRYABLE_STATUSES,
  sleep,
} from './retry.js';
import type { StatsRecorder } from './stats.js';

/** A decoded answer, whatever its status; JSON-serialisable so a shared cache can hold it. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  url: string;
}

export interface FetchContext {
  name: string;
  dispatcher: Dispatcher;
  stats: StatsRecorder;
  timeoutMs: number;
  retries: number;
  backoff: BackoffOptions;
  maxBodyBytes: number;
  limiter?: Limiter;
  /** False for servers named by third-party data: their bodies are never echoed in errors. */
  echoBodies?: boolean;
}

export const cancelled = (name: string): { ok: false; error: ErrorPayload } =>
  err('upstream_timeout', `The call to ${name} was cancelled before it finished.`, { cancelled: true });

const timedOut = (name: string, label: string, ms: number) =>
  err('upstream_timeout', `${name} did not answer ${label} within ${ms} ms.`, { timeout_ms: ms });

const networkError = (name: string, code: string) =>
  code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === 'UND_ERR_SOCKET'
    ? err('upstream_bad_response', `${name} closed the connection before finishing its answer.`, {
        network: code,
      })
    : err('upstream_http', `${name} could not be reached (${code}).`, { network: code });

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/**
 * Sends the request with rate limiting and retries, and returns the decoded answer of the last
 * attempt. Status classification (404, ≥ 400, okStatuses) is left to each caller.
 */
export const fetchRaw = async (
  ctx: FetchContext,
  req: PreparedRequest,
  signal: AbortSignal,
  deadlineAt: number,
): Promise<Result<RawResponse>> => {
  for (let attempt = 0; ; attempt += 1) {
    if (ctx.limiter) {
      const turn = await ctx.limiter.acquire(signal, deadlineAt);
      if (!turn.ok) return turn;
    }
    const remaining = deadlineAt - Date.now();
    if (remaining <= 0) return timedOut(ctx.name, req.label, ctx.timeoutMs);
    const timeoutMs = Math.min(ctx.timeoutMs, remaining);
    const started = performance.now();
    const outcome = await sendOnce({
      dispatcher: ctx.dispatcher,
      url: req.url,
      method: req.method,
      headers: req.headers,
      ...(req.body === undefined ? {} : { body: req.body }),
      signal,
      timeoutMs,
      maxBodyBytes: ctx.maxBodyBytes,
    });
    ctx.stats.request(performance.now() - started);

    // How long to wait before the next attempt, or undefined to stop retrying.
    let waitMs: number | undefined;
    const canRetry = attempt < ctx.retries;
    switch (outcome.kind) {
      case 'aborted':
        return cancelled(ctx.name);
      case 'refused':
        return { ok: false, error: outcome.error };
      case 'timeout':
        return timedOut(ctx.name, req.label, timeoutMs);
      case 'too_large':
        return err(
          'upstream_too_large',
          `${ctx.name} sent a response larger than the ${ctx.maxBodyBytes}-byte limit for ${req.label}.`,
          { max_bytes: ctx.maxBodyBytes, received_bytes: outcome.received, status: outcome.status },
        );
      case 'network': {
        waitMs = backoffDelay(attempt, ctx.backoff);
        const retryable = canRetry && RETRYABLE_NETWORK_CODES.has(outcome.code);
        if (!retryable || Date.now() + waitMs >= deadlineAt) return networkError(ctx.name, outcome.code);
        break;
      }
      case 'response': {
        const { status, headers } = outcome;
        if (status === 429) {
          const hinted = parseRetryAfter(headers['retry-after']);
          const wait = hinted ?? backoffDelay(attempt, ctx.backoff);
          if (!canRetry || Date.now() + wait >= deadlineAt) {
            // The body often says which quota ran out (SerpAPI, Brave): keep its start for the caller.
            return err('rate_limited', `${ctx.name} is rate limiting us; retry in ${seconds(wait)} s.`, {
              retry_after_s: seconds(wait),
              status: 429,
              ...(ctx.echoBodies === false
                ? {}
                : { body: decodeBody(outcome.bytes, headers['content-type']).slice(0, 500) }),
            });
          }
          waitMs = wait;
        } else if (canRetry && RETRYABLE_STATUSES.has(status)) {
          waitMs = parseRetryAfter(headers['retry-after']) ?? backoffDelay(attempt, ctx.backoff);
        }
        if (waitMs === undefined || Date.now() + waitMs >= deadlineAt) {
          const text = decodeBody(outcome.bytes, headers['content-type']);
          return ok({ status, headers, text, url: req.url });
        }
        break;
      }
    }
    ctx.stats.retry();
    try {
      await sleep(waitMs ?? 0, signal);
    } catch {
      return cancelled(ctx.name);
    }
  }
};
