import { type ErrorPayload, ok, type Result } from '@mcp/core';
import { mapUpstreamError, providerError } from '../errors.js';
import type { NormalizedRequest, ProviderAnswer, SearchProvider } from '../types.js';
import { cacheOption, type ProviderDeps, type UpstreamCall } from '../upstream.js';
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
  cache: true,
});

export const createDuckDuckGoProvider = (config: DuckDuckGoConfig, deps: ProviderDeps): SearchProvider => {
  const api = deps.createUpstream({
    name: 'duckduckgo',
    baseUrl: config.baseUrl ?? DDG_BASE_URL,
    headers: { accept: 'text/html', 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' },
    timeoutMs: deps.timeoutMs,
    retries: 0,
    // DDG challenges clients that search in bursts; one search a second keeps it answering.
    rateLimit: { perSecond: 1, burst: 2, maxQueue: 20 },
    ...cacheOption(deps.cacheTtlMs),
  });
  const search = async (req: NormalizedRequest): Promise<Result<ProviderAnswer, ErrorPayload>> => {
    const res = await api.text(duckDuckGoCall(req));
    if (!res.ok) {
      if (res.error.code === 'rate_limited' || res.error.details?.status === 403) {
        return providerError(
          'blocked',
          'DuckDuckGo refused the search (rate limit or bot check).',
          'blocked',
          {
            status: res.error.details?.status,
          },
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
    const results = parseDuckDuckGo(res.value.data, req.num);
    if (!results.ok) return results;
    return ok({ results: results.value, cached: res.value.cached });
  };
  return { id: 'duckduckgo', search };
};
