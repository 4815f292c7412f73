import type { ToolsContext } from '@mcp/core';
import { createSearch, type SearchFn, searchConfigFromEnv } from '@mcp/search';
import type { SerpEnv } from './config.js';

/** What the tools share: one provider chain per process. */
export interface SerpDeps {
  search: SearchFn;
}

/** Builds the provider chain (in fallback order) on the server's store, so replicas share its cache. */
export const createSerpDeps = ({ env, log, store }: ToolsContext<SerpEnv>): SerpDeps => {
  const { search, providers } = createSearch(searchConfigFromEnv(env), { log, store });
  log.info({ providers }, 'search providers, in fallback order');
  return { search };
};
