import { type ErrorPayload, ok, type Result } from '@mcp/core';
import { LRUCache } from 'lru-cache';
import { mapUpstreamError, providerError } from '../errors.js';
import type { NormalizedRequest, ProviderAnswer, SearchProvider, SearchResult } from '../types.js';
import type { ProviderDeps, UpstreamCall } from '../upstream.js';
import { parseDuckDuckGo } from './duckduckgo-parse.js';

export const DDG_BASE_URL = 'https://html.duckduckgo.com';
/** DuckDuckGo's html endpoint serves pages of about ten; `s` is the offset of the first one. */
const PAGE_SIZE = 10;

export interface DuckDuckGoConfig {
  baseUrl?: string | undefined;
}

/** `kl` is DDG's region: `fr-fr`, `us-en`, `wt-wt` (no region). */
export const duckDuckGoRegion = (country: string, language: string): string =>
  `${country.toLowerCase()}-${language.toLowerCase()}`;

/**
 * The html endpoint's own form fields: `q`, `kl` and, for later pages, `s`/`dc`. Sent as a GET query:
 * core's upstream client sends JSON bodies only, and the endpoint answers GET the same way except that
 * links come wrapped in `/l/?uddg=` (the parser unwraps both). Switch to a POST form once core can send
 * a form body.
 */
export const duckDuckGoForm = (req: NormalizedRequest): Record<string, string> => {
  const form: Record<string, string> = {
    q: req.site ? `${req.query} site:${req.site}` : req.query,
    kl: duckDuckGoRegion(req.country, req.language),
  };
  if (req.page > 1) {
    const s = (req.page - 1) * PAGE_SIZE;
    form.s = String(s);
    form.dc = String(s + 1);
  }
  return form;
};

export const duckDuckGoCall = (req: NormalizedRequest): UpstreamCall => ({
  path: '/html/',
  query: duckDuckGoForm(req),
  signal: req.signal,
});

/**
 * Answers are cached here, after parsing, rather than in the upstream client: its cache keeps any 2xx,
 * and DuckDuckGo's bot challenge comes as a 202 (or a 200 challenge page) that must not be replayed
 * for hours. Identical concurrent searches still share one request through the client's single-flight.
 */
export const createDuckDuckGoProvider = (config: DuckDuckGoConfig, deps: ProviderDeps): SearchProvider => {
  const api = deps.createUpstream({
    name: 'duckduckgo',
    baseUrl: config.baseUrl ?? DDG_BASE_URL,
    headers: { accept: 'text/html', 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' },
    timeoutMs: deps.timeoutMs,
    retries: 0,
    // DDG challenges clients that search in bursts; one search a second keeps it answering.
    rateLimit: { perSecond: 1, burst: 2, maxQueue: 20 },
    ...(deps.store ? { store: deps.store } : {}),
  });
  const answers =
    deps.cacheTtlMs > 0
      ? new LRUCache<string, SearchResult[]>({ max: 500, ttl: deps.cacheTtlMs })
      : undefined;

  const search = async (req: NormalizedRequest): Promise<Result<ProviderAnswer, ErrorPayload>> => {
    const call = duckDuckGoCall(req);
    const key = JSON.stringify(call.query);
    const hit = answers?.get(key);
    if (hit) return ok({ results: hit.slice(0, req.num), cached: true });
    const res = await api.text({ ...call, cache: false });
    if (!res.ok) {
      if (res.error.code === 'rate_limited' || res.error.details?.status === 403) {
        return providerError(
          'blocked',
          'DuckDuckGo refused the search (rate limit or bot check).',
          'blocked',
        );
      }
      return mapUpstreamError('DuckDuckGo', res.error, () => undefined);
    }
    // A 202 is DDG's "prove you are human" answer, whatever the page says.
    if (res.value.status === 202) {
      return providerError(
        'blocked',
        'DuckDuckGo answered 202 with its bot challenge instead of results.',
        'blocked',
        {
          status: 202,
        },
      );
    }
    const results = parseDuckDuckGo(res.value.data);
    if (!results.ok) return results;
    answers?.set(key, results.value);
    return ok({ results: results.value.slice(0, req.num), cached: false });
  };
  return { id: 'duckduckgo', search };
};
