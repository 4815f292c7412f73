import { type ErrorPayload, ok, type Result, type UpstreamRequest } from '@mcp/core';
import { DEFAULT_HTML_LIMITS, type HtmlLimits, isPageFault, runHtmlTask } from '@mcp/html';
import { mapUpstreamError, providerError } from '../errors.js';
import { queryWithSite } from '../request.js';
import type { NormalizedRequest, ProviderAnswer, SearchProvider } from '../types.js';
import type { ProviderDeps } from '../upstream.js';
import { duckDuckGoTask, isDuckDuckGoChallenge } from './duckduckgo-parse.js';

export const DDG_BASE_URL = 'https://html.duckduckgo.com';
/** DuckDuckGo's html endpoint serves pages of about ten; `s` is the offset of the first one. */
const PAGE_SIZE = 10;

export interface DuckDuckGoConfig {
  baseUrl?: string | undefined;
  /** Size, depth and time limits of one results page's parse; default: @mcp/html's. */
  htmlLimits?: HtmlLimits | undefined;
}

/** `kl` is DDG's region: `fr-fr`, `us-en`, `wt-wt` (no region). */
export const duckDuckGoRegion = (country: string, language: string): string =>
  `${country.toLowerCase()}-${language.toLowerCase()}`;

/**
 * The html endpoint's own form fields: `q`, `kl` and, for later pages, `s`/`dc`, posted as the site's
 * search box does (POST pages link results directly; GET pages wrap them in `/l/?uddg=`, which the
 * parser unwraps too).
 */
export const duckDuckGoForm = (req: NormalizedRequest): Record<string, string> => {
  const form: Record<string, string> = {
    q: queryWithSite(req),
    kl: duckDuckGoRegion(req.country, req.language),
  };
  if (req.page > 1) {
    const s = (req.page - 1) * PAGE_SIZE;
    form.s = String(s);
    form.dc = String(s + 1);
  }
  return form;
};

export const duckDuckGoCall = (req: NormalizedRequest): UpstreamRequest => ({
  path: '/html/',
  method: 'POST',
  body: new URLSearchParams(duckDuckGoForm(req)).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  // The form is the search: cached (and shared by identical concurrent searches) like a GET.
  cache: true,
  signal: req.signal,
});

/** DuckDuckGo's bot check comes as a 202, or as a 200 challenge page: neither may be replayed for hours. */
const isResultsPage = (answer: { status: number; text: string }): boolean =>
  answer.status === 200 && !isDuckDuckGoChallenge(answer.text);

/**
 * Pages are cached by core's upstream client (the shared store when there is one), only when they are
 * real result pages; a hit is parsed again, which costs far less than a search.
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
    ...(deps.cacheTtlMs > 0
      ? { cache: { ttlMs: deps.cacheTtlMs, max: 500, shouldCache: isResultsPage } }
      : {}),
    ...(deps.store ? { store: deps.store } : {}),
  });

  const search = async (req: NormalizedRequest): Promise<Result<ProviderAnswer, ErrorPayload>> => {
    const res = await api.text(duckDuckGoCall(req));
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
    const parsed = await runHtmlTask(
      duckDuckGoTask,
      { html: res.value.data },
      { limits: config.htmlLimits ?? DEFAULT_HTML_LIMITS, signal: req.signal },
    );
    if (!parsed.ok) {
      const { reason, message } = parsed.error;
      return providerError(
        isPageFault(parsed.error)
          ? 'upstream_too_large'
          : reason === 'busy'
            ? 'rate_limited'
            : 'upstream_timeout',
        `DuckDuckGo's results page could not be read: ${message}`,
        'upstream',
        { refusal: reason },
      );
    }
    const results = parsed.value;
    if (!results.ok) return results;
    return ok({ results: results.value.slice(0, req.num), cached: res.value.cached });
  };
  return { id: 'duckduckgo', search };
};
