import type { UpstreamOptions as CoreUpstreamOptions, Store, UpstreamClient } from '@mcp/core';

/**
 * The options of core's `createUpstream` the providers set: the package states what it relies on, and
 * any factory taking them (core's, the server's `ctx.createUpstream`, a test's fake) can be injected.
 */
export type UpstreamOptions = Pick<
  CoreUpstreamOptions,
  'name' | 'baseUrl' | 'headers' | 'timeoutMs' | 'retries' | 'rateLimit' | 'cache' | 'userAgent' | 'store'
>;

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
