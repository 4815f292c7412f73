// Public surface of @mcp/search. Named exports only; types apart.

export type { SearchConfig, SearchEnv } from './config.js';
export {
  DEFAULT_CACHE_TTL_S,
  DEFAULT_TIMEOUT_MS,
  searchConfigFromEnv,
  searchEnvSchema,
  searchEnvShape,
} from './config.js';
export type { FailureReason } from './errors.js';
export { scrubSecrets } from './errors.js';
export { parseBrave } from './providers/brave.js';
export { duckDuckGoTask, parseDuckDuckGo, unwrapDuckDuckGoHref } from './providers/duckduckgo-parse.js';
export { parseGoogleCse } from './providers/google-cse.js';
export { parseSearxng } from './providers/searxng.js';
export { parseSerpApi } from './providers/serpapi.js';
export { parseSerper } from './providers/serper.js';
export { NUM_MAX, normalizeRequest, normalizeSite, PAGE_MAX, QUERY_MAX_LENGTH } from './request.js';
export type { Search, SearchOptions } from './search.js';
export { createSearch, searchAcross } from './search.js';
export { domainOf, htmlToText } from './text.js';
export type {
  NormalizedRequest,
  ProviderAnswer,
  ProviderChoice,
  ProviderFailure,
  ProviderId,
  SearchAnswer,
  SearchFn,
  SearchProvider,
  SearchRequest,
  SearchResult,
} from './types.js';
export { PROVIDER_IDS } from './types.js';
export type { UpstreamFactory, UpstreamOptions } from './upstream.js';
