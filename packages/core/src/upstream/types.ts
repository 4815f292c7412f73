import type { Result } from '../errors.js';
import type { FetchBudget } from '../limits/fetch-budget.js';
import type { Metrics } from '../metrics/types.js';
import type { TargetPolicyOptions } from '../safe-fetch/target.js';
import type { Store } from '../store/types.js';
import type { BackoffOptions } from './retry.js';

export type QueryValue = string | number | boolean | null | undefined;

/** What a cache predicate sees: the decoded answer before it is stored. */
export interface CacheCandidate {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Return false to keep an answer out of the cache (a 200 that is really an error page, a challenge). */
export type ShouldCache = (answer: CacheCandidate) => boolean;

export interface UpstreamOptions {
  /** Short name used in messages, stats and metrics labels (`annuaire`, `serper`…). */
  name: string;
  /** Scheme + host (+ port, + optional path prefix); apps take it from env so tests use loopback. */
  baseUrl: string;
  /** Sent on every request (API keys from env). Never logged. */
  headers?: Record<string, string>;
  /** Time limit of one attempt, connect to last body byte. Default 10 s. */
  timeoutMs?: number;
  /** Budget of a whole call: queueing, retries and Retry-After waits included. Default 30 s. */
  deadlineMs?: number;
  /** Extra attempts after 502/503/504, connection resets and 429. Default 2. */
  retries?: number;
  backoff?: BackoffOptions;
  /**
   * Token bucket; `maxQueue` bounds how many calls may wait for their turn (default 100). `scope`
   * `client` (default): one bucket for this client, under the app's store prefix. `host`: one bucket
   * per host (+ port) of `baseUrl`, shared by every client, app and replica on the same store whatever
   * their REDIS_PREFIX (Redis key `mcp:host:<host>:rate`): for an API that counts requests per IP.
   */
  rateLimit?: { perSecond: number; burst?: number; maxQueue?: number; scope?: 'client' | 'host' };
  /**
   * TTL cache of successful GETs (and POSTs sent with `cache: true`): 2xx but 202 (a promise, not an
   * answer) and `okStatuses`; `shouldCache` narrows it further for every call of this client.
   */
  cache?: { ttlMs: number; max?: number; shouldCache?: ShouldCache };
  userAgent?: string;
  /** Redirects followed by the client (default 3); 0 returns 3xx answers to the caller (see `okStatuses`). */
  maxRedirects?: number;
  /** Largest accepted body. Default 5 MB. */
  maxBodyBytes?: number;
  /** Shared store (Redis) for limits and cache; default: a private in-memory store. */
  store?: Store;
  /** Where requests, cache hits, retries, errors and durations are counted; none by default. */
  metrics?: Metrics;
  /**
   * For a server whose address comes from third-party data (an RDAP registry from the IANA bootstrap):
   * the SSRF guard runs on every connection, the first one and each redirect's, and error details
   * never carry a body. `allowHosts`/`allowPorts` as in safeFetch (tests); `trustedUrls` are the
   * operator's own base URLs (env), trusted on their host and port only.
   */
  guard?: UpstreamGuard;
}

export type UpstreamGuard = TargetPolicyOptions;

export interface UpstreamRequest {
  /** Appended to `baseUrl`; an absolute http(s) URL is used as is. */
  path: string;
  /** Appended to the URL; `undefined` and `null` values are left out, arrays repeat the key. */
  query?: Record<string, QueryValue | QueryValue[]>;
  method?: 'GET' | 'POST';
  /**
   * A string is sent as is, with the caller's `content-type` (default `text/plain; charset=utf-8`);
   * `URLSearchParams` as a form (`application/x-www-form-urlencoded`); anything else as JSON.
   */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Cache this call (POST search APIs, whose body is part of the key); GETs use the cache when configured. */
  cache?: boolean;
  /** Per-call cache predicate; both this and the client's `cache.shouldCache` must agree to store. */
  shouldCache?: ShouldCache;
  /** Statuses returned as data instead of errors, e.g. `[404]`. */
  okStatuses?: number[];
  /** Overrides the upstream's `deadlineMs` for this call. */
  deadlineMs?: number;
  /**
   * The calling request's budget (the handler's `ctx.fetchBudget`), as safeFetch takes it: a call the
   * cache cannot answer takes one before it goes out, and is not sent once the budget is spent
   * (`rate_limited`, `details.reason: 'fetch_budget'`). Without it, the call is not counted.
   */
  budget?: FetchBudget;
}

export interface UpstreamResponse<T> {
  status: number;
  headers: Record<string, string>;
  data: T;
  /** True when answered from the cache without an upstream request. */
  cached: boolean;
  url: string;
}

export interface LatencyHistogram {
  /** Upper bounds in ms; `counts[i]` holds requests ≤ `bounds_ms[i]`, the last count is the overflow. */
  bounds_ms: number[];
  counts: number[];
  sum_ms: number;
  count: number;
}

export interface UpstreamStats {
  /** Calls to `.json()` / `.text()`. */
  calls: number;
  /** HTTP requests actually sent (each retry counts). */
  requests: number;
  cache_hits: number;
  /** Calls that joined an identical in-flight request instead of sending their own. */
  shared: number;
  retries: number;
  /** Failed calls by error code. */
  errors: Record<string, number>;
  latency: LatencyHistogram;
}

/**
 * The calls code makes on an upstream client: what a consumer (a provider, a fetcher, a register
 * check) should ask for, so that `createUpstream(...)` and a test's scripted fake both fit. Take a
 * `Pick<UpstreamClient, 'json'>` when only one method is used.
 */
export interface UpstreamClient {
  json<T = unknown>(request: UpstreamRequest): Promise<Result<UpstreamResponse<T>>>;
  text(request: UpstreamRequest): Promise<Result<UpstreamResponse<string>>>;
}

/** What `createUpstream` returns: the client, its counters, and the close of its pools. */
export interface Upstream extends UpstreamClient {
  readonly name: string;
  stats(): UpstreamStats;
  /** Closes pooled connections (and the private store). */
  close(): Promise<void>;
}
