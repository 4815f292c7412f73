// Public surface of @mcp/siret-extractor: the server, its tools and the pure extraction engine.

export type { ExtractorEnv } from './config.js';
export { extractorEnv } from './config.js';
export type { CrawlOptions, CrawlResult } from './crawl/crawl.js';
export { crawlSite } from './crawl/crawl.js';
export { pageFetcherFrom } from './crawl/fetcher.js';
export type { FetchedPage, PageFetcher } from './crawl/types.js';
export type { Extraction, Reason } from './extract/answer.js';
export { buildAnswer } from './extract/answer.js';
export { analyzeHtml, analyzeText, extractFromHtml, extractFromText } from './extract/index.js';
export type { Candidate } from './extract/page.js';
export type { Role } from './extract/roles.js';
export { extractorServer, INSTRUCTIONS } from './server.js';
export type { ExtractorDeps } from './tools/index.js';
export { extractorTools } from './tools/index.js';
