import type { ToolsContext } from '@mcp/core';
import { htmlLimitsFromEnv } from '@mcp/html';
import { createRegisterClient, registerClientOptions } from '@mcp/recherche-entreprises';
import type { ExtractorEnv } from './config.js';
import type { ExtractionDeps } from './service/extraction.js';
import { pageFetcherFrom } from './upstream/page-fetcher.js';

/** What the four tools share: built once per process from the env. */
export interface ExtractorDeps extends ExtractionDeps {}

/** core's safeFetch for pages and the register client, made by the server (its store, its metrics; closed at shutdown). */
export const createExtractorDeps = ({
  env,
  safeFetch,
  createUpstream,
}: ToolsContext<ExtractorEnv>): ExtractorDeps => {
  // The one register client (@mcp/recherche-entreprises): its rate budget is annuaire's, per API host.
  const annuaire = createRegisterClient({ ...registerClientOptions(env), createUpstream });
  return {
    // The process's safeFetch: SSRF guard on every hop, FETCH_CONCURRENCY shared by all tools.
    fetchPage: pageFetcherFrom(safeFetch, env.FETCH_TIMEOUT_MS),
    annuaire,
    htmlLimits: htmlLimitsFromEnv(env),
  };
};
