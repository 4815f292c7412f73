// Public surface of @mcp/siret-extractor: the server, its tools and the pure extraction engine.
// Named exports only; types apart.

export type { ExtractorEnv } from './config.js';
export { extractorEnv } from './config.js';
export type { ExtractorDeps } from './deps.js';
export { createExtractorDeps } from './deps.js';
export { extractorServer, INSTRUCTIONS } from './server.js';
export type { CrawlOptions, CrawlResult } from './service/crawl/crawl.js';
export { crawlSite } from './service/crawl/crawl.js';
export type { Extraction, Reason } from './service/extract/answer.js';
export { buildAnswer } from './service/extract/answer.js';
export { analyzeHtml, analyzeText, extractFromHtml, extractFromText } from './service/extract/index.js';
export type { Candidate } from './service/extract/page.js';
export type { Role } from './service/extract/roles.js';
export { extractorTools } from './tools/index.js';
export { pageFetcherFrom } from './upstream/page-fetcher.js';
export type { FetchedPage, PageFetcher } from './upstream/types.js';
