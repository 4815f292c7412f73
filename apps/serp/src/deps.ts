import type { ToolsContext } from '@mcp/core';
import { createSearch, type SearchFn, searchConfigFromEnv } from '@mcp/search';
import type { SerpEnv } from './config.js';

/** What the tools share: one provider chain per process. */
export interface SerpDeps {
  search: SearchFn;
}

/** Builds the provider chain (in fallback order) through the server's createUpstream: its store (replicas share the cache), its metrics, closed at shutdown. */
export const createSerpDeps = ({ env, log, createUpstream }: ToolsContext<SerpEnv>): SerpDeps => {
  const { search, providers } = createSearch(searchConfigFromEnv(env), { log, createUpstream });
  log.info({ providers }, 'search providers, in fallback order');
  return { search };
};
