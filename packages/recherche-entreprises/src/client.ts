// The one client of the API Recherche d'entreprises: rate limit, cache, single-flight and retries come
// from core's createUpstream; this file adds the API's own error shape and bilingual messages.
import {
  createUpstream,
  type ErrorPayload,
  err,
  ok,
  parseUpstream,
  type Result,
  type Store,
  type Upstream,
} from '@mcp/core';
import * as z from 'zod/v4';
import type { ApiQuery } from '../query.js';
import { type RawSearchResponse, rawSearchResponseSchema, toSearchAnswer } from './types.js';

export const DEFAULT_BASE_URL = 'https://recherche-entreprises.api.gouv.fr';
/** The API's hard limit per IP; over it, 429 with Retry-After. */
export const API_RATE_LIMIT_PER_SECOND = 7;
/**
 * The API counts arrivals on its side. At exactly 7/s, the 8th request leaves 1 000 ms after the 1st,
 * and any jitter (network, a busy event loop: 40 ms measured on a loaded machine) lands it inside the
 * same second. Spacing at 90 % of the limit (159 ms) leaves 110 ms to spare. Burst stays 1: a bucket
 * that lets 7 go at once would let 7 more through within that same second.
 */
const RATE_SAFETY = 0.9;

export interface AnnuaireClientOptions {
  baseUrl?: string;
  cacheTtlMs?: number;
  timeoutMs?: number;
  perSecond?: number;
  /** The server's store (`ctx.store`): with Redis, replicas share the 7 req/s budget and the cache. */
  store?: Store;
}

export interface AnnuaireClient {
  search: (query: ApiQuery, signal?: AbortSignal) => Promise<Result<RawSearchResponse>>;
  nearPoint: (query: ApiQuery, signal?: AbortSignal) => Promise<Result<RawSearchResponse>>;
  readonly upstream: Upstream;
  close: () => Promise<void>;
}

const apiError = z.object({ erreur: z.string() }).loose();

const API = "L'API Recherche d'entreprises";

/** Core's English messages, re-said in French then English, as agents serve both audiences. */
export const bilingual = (error: ErrorPayload): ErrorPayload => {
  const d = error.details ?? {};
  const status = typeof d.status === 'number' ? ` (HTTP ${d.status})` : '';
  const wait = typeof d.retry_after_s === 'number' ? d.retry_after_s : undefined;
  const message = (() => {
    switch (error.code) {
      case 'upstream_timeout':
        return `${API} n'a pas répondu à temps. The French company register API did not answer in time; try again shortly.`;
      case 'rate_limited':
        return `${API} limite le débit à 7 requêtes par seconde${wait ? ` : réessayez dans ${wait} s` : ''}. The company register API is rate limiting (7 requests/s)${wait ? `; retry in ${wait} s` : ''}.`;
      case 'upstream_bad_response':
        return `${API} a renvoyé une réponse illisible${status}. The company register API sent an unreadable answer${status}.`;
      case 'upstream_too_large':
        return `${API} a renvoyé une réponse trop volumineuse. The company register API sent an oversized answer.`;
      case 'not_found':
      case 'upstream_http':
        return typeof d.network === 'string'
          ? `${API} est injoignable (${d.network}). The French company register API cannot be reached (${d.network}); try again later.`
          : `${API} est indisponible${status}. The French company register API is unavailable${status}; try again later.`;
      default:
        return error.message;
    }
  })();
  const code = error.code === 'not_found' ? 'upstream_http' : error.code;
  return { code, message, details: { ...d, upstream: 'recherche-entreprises' } };
};

export const createAnnuaireClient = (options: AnnuaireClientOptions = {}): AnnuaireClient => {
  const perSecond = (options.perSecond ?? API_RATE_LIMIT_PER_SECOND) * RATE_SAFETY;
  const upstream = createUpstream({
    name: 'annuaire',
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    timeoutMs: options.timeoutMs ?? 10_000,
    // A burst of 100 agent calls must queue rather than fail: 100 / 6.3 ≈ 16 s of waiting. 50 s, not more:
    // the whole call (queue, attempts, retries) must end before a client's 60 s request timeout.
    deadlineMs: 50_000,
    retries: 3,
    rateLimit: { perSecond, burst: 1, maxQueue: 500 },
    cache: { ttlMs: options.cacheTtlMs ?? 10 * 60_000, max: 2000 },
    ...(options.store ? { store: options.store } : {}),
  });

  const get = async (
    path: string,
    query: ApiQuery,
    signal?: AbortSignal,
  ): Promise<Result<RawSearchResponse>> => {
    const res = await upstream.json<unknown>({
      path,
      query,
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
    return ok(toSearchAnswer(parsed.value, query));
  };

  return {
    search: (query, signal) => get('/search', query, signal),
    nearPoint: (query, signal) => get('/near_point', query, signal),
    upstream,
    close: () => upstream.close(),
  };
};
