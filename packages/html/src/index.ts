// Public surface of @mcp/html. Named exports only; types apart.
export type { HtmlEnv, HtmlLimits } from './limits.js';
export { DEFAULT_HTML_LIMITS, htmlEnv, htmlLimitsFromEnv } from './limits.js';
export type { PoolOptions, PoolStats, RunOptions, WorkerPool } from './pool.js';
export { createWorkerPool } from './pool.js';
export type { HtmlOutcome, HtmlRefusal, HtmlRefusalReason } from './refusal.js';
export { isPageFault } from './refusal.js';
export { checkHtml, nestingDepth } from './scan.js';
export type { HtmlTask, RunHtmlOptions } from './tasks.js';
export { defineHtmlTask, htmlPool, runHtmlTask, warmHtmlPool } from './tasks.js';
export type { DomNode } from './walk.js';
export { findAll, textContent } from './walk.js';
export { isHtmlWorker } from './worker.js';
