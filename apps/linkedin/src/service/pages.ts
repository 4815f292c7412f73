import { type ErrorCode, ok, type Result } from '@mcp/core';
import { DEFAULT_HTML_LIMITS, type HtmlLimits, type HtmlTask, isPageFault, runHtmlTask } from '@mcp/html';
import { LRUCache } from 'lru-cache';
import { blockedError } from '../upstream/blocked.js';
import type { LinkedInFetcher, Via } from '../upstream/linkedin.js';
import { blockFromPage, noDataSignal } from './blocked-page.js';
import type { CompanyData } from './extract/company.js';
import type { PageMeta } from './extract/meta.js';
import type { ProfileData } from './extract/profile.js';
import { companyTask, profileTask } from './extract/tasks.js';
import type { LinkedInRef } from './urls.js';

export interface PageSource {
  fetched_url: string;
  via: Via;
  cached: boolean;
}

export interface Loaded<T> {
  data: T;
  source: PageSource;
}

export interface PageLoader {
  company: (ref: LinkedInRef, signal?: AbortSignal) => Promise<Result<Loaded<CompanyData>>>;
  profile: (ref: LinkedInRef, signal?: AbortSignal) => Promise<Result<Loaded<ProfileData>>>;
}

interface Extraction<T> {
  data: T | null;
  meta: PageMeta;
  has_structured_data: boolean;
}

/**
 * Fetch → refusal checks → extraction. Only pages that held data are cached, so a 999 or a login
 * wall met once is not replayed for hours; a page with nothing on it is `blocked`, never a success.
 */
export const createPageLoader = (
  fetcher: LinkedInFetcher,
  options: { cacheTtlMs: number; htmlLimits?: HtmlLimits },
): PageLoader => {
  const limits = options.htmlLimits ?? DEFAULT_HTML_LIMITS;
  const cache =
    options.cacheTtlMs > 0
      ? new LRUCache<string, CompanyData | ProfileData>({ max: 500, ttl: options.cacheTtlMs })
      : undefined;

  const load = async <T extends CompanyData | ProfileData>(
    ref: LinkedInRef,
    task: HtmlTask<{ html: string }, Extraction<T>>,
    signal?: AbortSignal,
  ): Promise<Result<Loaded<T>>> => {
    const hit = cache?.get(ref.url) as T | undefined;
    if (hit) return ok({ data: hit, source: { fetched_url: ref.url, via: fetcher.via, cached: true } });
    const page = await fetcher.fetchPage(ref.url, signal);
    if (!page.ok) return page;
    // Parsed off the event loop, within the size, depth and time limits of every outside page.
    const parsed = await runHtmlTask(task, { html: page.value.html }, { limits, signal });
    if (!parsed.ok) {
      const { reason, message } = parsed.error;
      const code: ErrorCode = isPageFault(parsed.error)
        ? 'upstream_too_large'
        : reason === 'busy'
          ? 'rate_limited'
          : 'upstream_timeout';
      return {
        ok: false,
        error: {
          code,
          message: `${ref.url} could not be read: ${message}`,
          details: { url: ref.url, reason },
        },
      };
    }
    const { data, meta, has_structured_data } = parsed.value;
    const refusal = blockFromPage(meta, has_structured_data) ?? (data ? null : noDataSignal(meta));
    if (refusal || !data) {
      return {
        ok: false,
        error: blockedError(refusal ?? noDataSignal(meta), { url: ref.url, via: page.value.via }),
      };
    }
    cache?.set(ref.url, data);
    return ok({ data, source: { fetched_url: ref.url, via: page.value.via, cached: page.value.cached } });
  };

  return {
    company: (ref, signal) => load(ref, companyTask, signal),
    profile: (ref, signal) => load(ref, profileTask, signal),
  };
};
