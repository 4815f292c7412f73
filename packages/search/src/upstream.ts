import type { ErrorPayload, Result, Store } from '@mcp/core';

/**
 * The part of core's `createUpstream` the providers use. Declared structurally so providers can be
 * unit-tested with any client and so the package states exactly what it relies on.
 */
export interface UpstreamCall {
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal | undefined;
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  cache?: boolean;
  okStatuses?: number[];
  /** Keeps an answer out of the cache when false (core's `ShouldCache`). */
  shouldCache?: (answer: { status: number; text: string }) => boolean;
}

export interface UpstreamReply<T> {
  status: number;
  data: T;
  cached: boolean;
  url: string;
}

export interface UpstreamClient {
  json: <T>(call: UpstreamCall) => Promise<Result<UpstreamReply<T>, ErrorPayload>>;
  text: (call: UpstreamCall) => Promise<Result<UpstreamReply<string>, ErrorPayload>>;
}

export interface UpstreamOptions {
  name: string;
  baseUrl: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  retries?: number;
  rateLimit?: { perSecond: number; burst?: number; maxQueue?: number };
  cache?: {
    ttlMs: number;
    max?: number;
    shouldCache?: (answer: { status: number; text: string }) => boolean;
  };
  userAgent?: string;
  /** Shared store (Redis) for limits, cache and single-flight across replicas; default in-memory. */
  store?: Store;
}

export type UpstreamFactory = (options: UpstreamOptions) => UpstreamClient;

/** Settings every provider shares; built once by `createSearch`. */
export interface ProviderDeps {
  createUpstream: UpstreamFactory;
  cacheTtlMs: number;
  timeoutMs: number;
  store?: Store | undefined;
}

/** The upstream options every keyed provider shares: cache TTL (0 = off) and the optional shared store. */
export const sharedOptions = (deps: ProviderDeps): Pick<UpstreamOptions, 'cache' | 'store'> => ({
  ...(deps.cacheTtlMs > 0 ? { cache: { ttlMs: deps.cacheTtlMs, max: 500 } } : {}),
  ...(deps.store ? { store: deps.store } : {}),
});
