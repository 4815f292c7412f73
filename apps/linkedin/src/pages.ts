import { ok, type Result } from '@mcp/core';
import { LRUCache } from 'lru-cache';
import { blockedError, blockFromPage, noDataSignal } from './blocked.js';
import { type CompanyData, extractCompany } from './extract/company.js';
import type { PageMeta } from './extract/meta.js';
import { extractProfile, type ProfileData } from './extract/profile.js';
import type { LinkedInFetcher, Via } from './upstream/linkedin.js';
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
export const createPageLoader = (fetcher: LinkedInFetcher, options: { cacheTtlMs: number }): PageLoader => {
  const cache =
    options.cacheTtlMs > 0
      ? new LRUCache<string, CompanyData | ProfileData>({ max: 500, ttl: options.cacheTtlMs })
      : undefined;

  const load = async <T extends CompanyData | ProfileData>(
    ref: LinkedInRef,
    extract: (html: string) => Extraction<T>,
    signal?: AbortSignal,
  ): Promise<Result<Loaded<T>>> => {
    const hit = cache?.get(ref.url) as T | undefined;
    if (hit) return ok({ data: hit, source: { fetched_url: ref.url, via: fetcher.via, cached: true } });
    const page = await fetcher.fetchPage(ref.url, signal);
    if (!page.ok) return page;
    const { data, meta, has_structured_data } = extract(page.value.html);
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
    company: (ref, signal) => load(ref, extractCompany, signal),
    profile: (ref, signal) => load(ref, extractProfile, signal),
  };
};
