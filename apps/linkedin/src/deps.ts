import type { ToolsContext } from '@mcp/core';
import { type HtmlLimits, htmlLimitsFromEnv } from '@mcp/html';
import { createSearch, type SearchFn, searchConfigFromEnv } from '@mcp/search';
import { fetchConfigFromEnv, type LinkedInEnv } from './config.js';
import type { FetchWebsite } from './service/find/website-check.js';
import { createPageLoader, type PageLoader } from './service/pages.js';
import { createLinkedInFetcher } from './upstream/linkedin.js';

/** What the tools share: built once per process from the env, handed to each tool. */
export interface LinkedinDeps {
  /** LinkedIn pages: fetched (direct or provider), checked for refusals, extracted, cached. */
  loader: PageLoader;
  search: SearchFn;
  /** A company's own website (find_company): core's SSRF-guarded safeFetch. */
  fetchWebsite: FetchWebsite;
  /** Size, depth and time limits of every page parse (HTML_MAX_BYTES…); default: @mcp/html's. */
  htmlLimits?: HtmlLimits | undefined;
}

/** One fetcher (direct or provider), one page cache, one search chain per process. */
export const createLinkedinDeps = ({
  env,
  log,
  onClose,
  safeFetch,
  createUpstream,
}: ToolsContext<LinkedInEnv>): LinkedinDeps => {
  const fetchConfig = fetchConfigFromEnv(env);
  // The server's createUpstream: its shared store makes the per-host LinkedIn rate limit hold across replicas.
  const fetcher = createLinkedInFetcher(fetchConfig, { createUpstream, log });
  onClose(() => fetcher.close());
  log.info(
    { via: fetcher.via, rate_per_s: fetchConfig.ratePerSecond, concurrency: fetchConfig.concurrency },
    'linkedin fetching',
  );
  const htmlLimits = htmlLimitsFromEnv(env);
  const loader = createPageLoader(fetcher, { cacheTtlMs: fetchConfig.cacheTtlMs, htmlLimits });
  const { search } = createSearch(searchConfigFromEnv(env), { log, createUpstream });
  // The company website check keeps the app's time limit, not safeFetch's 15 s default.
  const fetchWebsite: FetchWebsite = (url, options) =>
    safeFetch(url, { timeoutMs: fetchConfig.timeoutMs, ...options });
  return { loader, search, fetchWebsite, htmlLimits };
};
