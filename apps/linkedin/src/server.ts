import { createServer, createUpstream } from '@mcp/core';
import { htmlLimitsFromEnv } from '@mcp/html';
import { createSearch, searchConfigFromEnv } from '@mcp/search';
// The version comes from the app's package.json, which `pnpm release:version` sets for every package.
import manifest from '../package.json' with { type: 'json' };
import { fetchConfigFromEnv, linkedinEnvSchema } from './config.js';
import { createPageLoader } from './service/pages.js';
import { linkedinTools } from './tools/index.js';
import { createLinkedInFetcher } from './upstream/linkedin.js';

export const INSTRUCTIONS = [
  'Public LinkedIn data, as a logged-out visitor sees it; this server never logs in.',
  'get_company reads a company page (URL or slug); get_profile a public profile (URL or public id).',
  'find_company finds a company’s LinkedIn page from its name (give its website when known);',
  'find_people lists public profiles of people at a company from web search, optionally by role.',
  'LinkedIn often refuses automated visits: a `blocked` error says what was seen; do not retry in a loop.',
].join(' ');

/** The linkedin MCP server: one fetcher (direct or provider), one page cache, one search chain per process. */
export const linkedinServer = createServer({
  name: 'linkedin',
  version: manifest.version,
  title: 'LinkedIn public data',
  instructions: INSTRUCTIONS,
  env: linkedinEnvSchema,
  tools: ({ env, log, store, safeFetch }) => {
    const fetchConfig = fetchConfigFromEnv(env);
    // The shared store makes the per-host LinkedIn rate limit hold across replicas.
    const fetcher = createLinkedInFetcher(fetchConfig, {
      createUpstream: (options) => createUpstream({ ...options, store }),
      log,
    });
    log.info(
      { via: fetcher.via, rate_per_s: fetchConfig.ratePerSecond, concurrency: fetchConfig.concurrency },
      'linkedin fetching',
    );
    const htmlLimits = htmlLimitsFromEnv(env);
    const loader = createPageLoader(fetcher, { cacheTtlMs: fetchConfig.cacheTtlMs, htmlLimits });
    const { search } = createSearch(searchConfigFromEnv(env), { log, store });
    // core's per-process safeFetch (SSRF guard on every hop, FETCH_CONCURRENCY); the company website
    // check keeps the app's time limit, not safeFetch's 15 s default.
    const fetchWebsite: typeof safeFetch = (url, options) =>
      safeFetch(url, { timeoutMs: fetchConfig.timeoutMs, ...options });
    return linkedinTools({ loader, search, fetchWebsite, htmlLimits });
  },
});
