import type { ToolsContext } from '@mcp/core';
import { htmlLimitsFromEnv } from '@mcp/html';
import type { ExtractorEnv } from './config.js';
import type { ExtractionDeps } from './service/extraction.js';
import { pageFetcherFrom } from './upstream/page-fetcher.js';

/** What the four tools share: built once per process from the env. */
export interface ExtractorDeps extends ExtractionDeps {}

/** core's safeFetch for pages and one registry client made by the server (its store, its metrics; closed at shutdown). */
export const createExtractorDeps = ({
  env,
  safeFetch,
  createUpstream,
}: ToolsContext<ExtractorEnv>): ExtractorDeps => {
  const annuaire = createUpstream({
    name: 'annuaire',
    baseUrl: env.ANNUAIRE_BASE_URL,
    rateLimit: { perSecond: env.ANNUAIRE_RATE_LIMIT_PER_S },
    cache: { ttlMs: 10 * 60_000, max: 1000 },
    // The registry check is one more fetch: same time limit as a page.
    timeoutMs: env.FETCH_TIMEOUT_MS,
  });
  return {
    // The process's safeFetch: SSRF guard on every hop, FETCH_CONCURRENCY shared by all tools.
    fetchPage: pageFetcherFrom(safeFetch, env.FETCH_TIMEOUT_MS),
    annuaire,
    htmlLimits: htmlLimitsFromEnv(env),
  };
};
