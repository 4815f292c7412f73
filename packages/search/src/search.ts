import {
  ConfigError,
  createUpstream as coreUpstream,
  type ErrorCode,
  type ErrorPayload,
  err,
  ok,
  type Result,
  type Store,
} from '@mcp/core';
import type { Logger } from 'pino';
import type { SearchConfig } from './config.js';
import { createBraveProvider } from './providers/brave.js';
import { createDuckDuckGoProvider } from './providers/duckduckgo.js';
import { createGoogleCseProvider } from './providers/google-cse.js';
import { createSearxngProvider } from './providers/searxng.js';
import { createSerpApiProvider } from './providers/serpapi.js';
import { createSerperProvider } from './providers/serper.js';
import { normalizeRequest } from './request.js';
import type {
  ProviderFailure,
  ProviderId,
  SearchAnswer,
  SearchFn,
  SearchProvider,
  SearchRequest,
} from './types.js';
import type { ProviderDeps, UpstreamFactory } from './upstream.js';

export interface Search {
  search: SearchFn;
  /** Providers in the order they are tried. */
  providers: readonly ProviderId[];
}

const allFailedCode = (failures: readonly ProviderFailure[]): ErrorCode => {
  const codes = new Set(failures.map((f) => f.code));
  const [only] = codes;
  if (codes.size === 1 && only !== undefined) return only === 'not_configured' ? 'upstream_http' : only;
  return 'upstream_http';
};

/**
 * Tries providers in order until one answers; each answer names the provider that served it and the
 * ones that failed before. Exported apart from `createSearch` so callers can compose their own chain.
 */
export const searchAcross = (providers: readonly SearchProvider[], log?: Logger): SearchFn => {
  return async (request: SearchRequest): Promise<Result<SearchAnswer, ErrorPayload>> => {
    const normalized = normalizeRequest(request);
    if (!normalized.ok) return normalized;
    const req = normalized.value;
    const failed: ProviderFailure[] = [];
    for (const provider of providers) {
      if (req.signal?.aborted) break;
      const res = await provider.search(req);
      if (res.ok) {
        return ok({
          results: res.value.results,
          provider: provider.id,
          providers_failed: failed,
          query: req.query,
          cached: res.value.cached,
        });
      }
      log?.warn(
        { provider: provider.id, code: res.error.code, reason: res.error.details?.reason },
        'search provider failed',
      );
      failed.push({ provider: provider.id, code: res.error.code, message: res.error.message });
    }
    if (req.signal?.aborted)
      return err('upstream_timeout', 'The search was cancelled before a provider answered.');
    if (failed.length === 0) return err('not_configured', 'No search provider is configured.');
    const tried = failed.map((f) => `${f.provider} (${f.code}: ${f.message})`).join('; ');
    return err(allFailedCode(failed), `Every search provider failed: ${tried}`, {
      providers_failed: failed,
    });
  };
};

const FACTORIES: Record<
  ProviderId,
  (config: SearchConfig, deps: ProviderDeps) => SearchProvider | undefined
> = {
  serper: (c, d) => (c.serper ? createSerperProvider(c.serper, d) : undefined),
  serpapi: (c, d) => (c.serpapi ? createSerpApiProvider(c.serpapi, d) : undefined),
  brave: (c, d) => (c.brave ? createBraveProvider(c.brave, d) : undefined),
  searxng: (c, d) => (c.searxng ? createSearxngProvider(c.searxng, d) : undefined),
  google_cse: (c, d) => (c.googleCse ? createGoogleCseProvider(c.googleCse, d) : undefined),
  duckduckgo: (c, d) =>
    c.duckduckgo === false ? undefined : createDuckDuckGoProvider(c.duckduckgo ?? {}, d),
};

export interface SearchOptions {
  /** Default: core's `createUpstream`. Injectable so the package states what it needs. */
  createUpstream?: UpstreamFactory;
  log?: Logger;
  /** Shared store (Redis) so replicas share the result cache and rate limits; default per-process. */
  store?: Store;
}

/**
 * Builds the provider chain once (at start-up): `auto` keeps the configured providers in
 * `config.order`, an explicit choice uses that provider alone.
 */
export const createSearch = (config: SearchConfig, options: SearchOptions = {}): Search => {
  const deps: ProviderDeps = {
    createUpstream: options.createUpstream ?? coreUpstream,
    cacheTtlMs: config.cacheTtlMs,
    timeoutMs: config.timeoutMs,
    store: options.store,
  };
  const ids = config.provider === 'auto' ? config.order : [config.provider];
  const providers: SearchProvider[] = [];
  for (const id of ids) {
    const provider = FACTORIES[id](config, deps);
    if (provider) providers.push(provider);
    else if (config.provider !== 'auto') {
      throw new ConfigError([`SERP_PROVIDER=${id} but that provider is not configured`]);
    }
  }
  return { search: searchAcross(providers, options.log), providers: providers.map((p) => p.id) };
};
