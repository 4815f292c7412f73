// The one client of the API Recherche d'entreprises: rate limit, cache, single-flight and retries come
// from core's createUpstream; this file adds the API's own error shape and bilingual messages.
import {
  createUpstream,
  err,
  ok,
  parseUpstream,
  type Result,
  type Store,
  type Upstream,
  type UpstreamOptions,
} from '@mcp/core';
import * as z from 'zod/v4';
import { type RawSearchResponse, rawSearchResponseSchema, toSearchAnswer } from './answer.js';
import { API, bilingual } from './errors.js';
import { API_RATE_LIMIT_PER_SECOND, DEFAULT_BASE_URL } from './limits.js';
import { type NearPointQuery, type SearchQuery, toQueryParams } from './query.js';

/**
 * The API counts arrivals on its side. At exactly 7/s, the 8th request leaves 1 000 ms after the 1st,
 * and any jitter (network, a busy event loop: 40 ms measured on a loaded machine) lands it inside the
 * same second. Spacing at 90 % of the limit (159 ms) leaves 110 ms to spare. Burst stays 1: a bucket
 * that lets 7 go at once would let 7 more through within that same second.
 */
const RATE_SAFETY = 0.9;

export interface RegisterClientOptions {
  baseUrl?: string;
  cacheTtlMs?: number;
  timeoutMs?: number;
  perSecond?: number;
  /**
   * The server's store (`ctx.store`). With Redis, the cache is shared by the app's replicas and the
   * rate budget by every app on that Redis, whatever its REDIS_PREFIX: one bucket per API host.
   */
  store?: Store;
  /**
   * The server's `ctx.createUpstream` (its store, its metrics, closed at shutdown); default: core's
   * `createUpstream`, for tests and scripts.
   */
  createUpstream?: (options: UpstreamOptions) => Upstream;
}

export interface RegisterClient {
  search: (query: SearchQuery, signal?: AbortSignal) => Promise<Result<RawSearchResponse>>;
  nearPoint: (query: NearPointQuery, signal?: AbortSignal) => Promise<Result<RawSearchResponse>>;
  readonly upstream: Upstream;
  close: () => Promise<void>;
}

const apiError = z.object({ erreur: z.string() }).loose();

export const createRegisterClient = (options: RegisterClientOptions = {}): RegisterClient => {
  const perSecond = (options.perSecond ?? API_RATE_LIMIT_PER_SECOND) * RATE_SAFETY;
  const upstream = (options.createUpstream ?? createUpstream)({
    name: 'annuaire',
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    timeoutMs: options.timeoutMs ?? 10_000,
    // A burst of 100 agent calls must queue rather than fail: 100 / 6.3 ≈ 16 s of waiting. 50 s, not more:
    // the whole call (queue, attempts, retries) must end before a client's 60 s request timeout.
    deadlineMs: 50_000,
    retries: 3,
    // One bucket per API host, not per app: the API counts requests per IP, so apps deployed side by
    // side (annuaire, siret-extractor) behind one egress IP split the budget through the shared store.
    rateLimit: { perSecond, burst: 1, maxQueue: 500, scope: 'host' },
    cache: { ttlMs: options.cacheTtlMs ?? 10 * 60_000, max: 2000 },
    ...(options.store ? { store: options.store } : {}),
  });

  const get = async (
    path: string,
    asked: SearchQuery | NearPointQuery,
    signal?: AbortSignal,
  ): Promise<Result<RawSearchResponse>> => {
    const res = await upstream.json<unknown>({
      path,
      query: toQueryParams(asked),
      okStatuses: [400],
      ...(signal ? { signal } : {}),
    });
    if (!res.ok) return { ok: false, error: bilingual(res.error) };
    const { status, data } = res.value;
    if (status === 400) {
      const refusal = apiError.safeParse(data);
      const reason = refusal.success ? refusal.data.erreur : 'requête refusée / request refused';
      return err(
        'invalid_input',
        `${API} a refusé la requête : ${reason} The register API rejected the request.`,
        {
          upstream: 'recherche-entreprises',
          status: 400,
          upstream_message: reason,
        },
      );
    }
    const parsed = parseUpstream(rawSearchResponseSchema, data, 'recherche-entreprises');
    if (!parsed.ok) {
      return {
        ok: false,
        error: bilingual({ ...parsed.error, details: { ...parsed.error.details, status } }),
      };
    }
    return ok(toSearchAnswer(parsed.value, asked));
  };

  return {
    search: (query, signal) => get('/search', query, signal),
    nearPoint: (query, signal) => get('/near_point', query, signal),
    upstream,
    close: () => upstream.close(),
  };
};
