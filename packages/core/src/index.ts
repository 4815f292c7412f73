// Public surface of @mcp/core: what the apps and packages import, nothing more (core's modules keep
// their own exports for core's use). Named exports only; types apart.

export { basicHeader } from './auth/credentials.js';
export type { CoreConfig } from './config.js';
export { ConfigError, loadConfig } from './config.js';
export type { ErrorCode, ErrorPayload, Result } from './errors.js';
export { ERROR_CODES, err, ok } from './errors.js';
export type { FetchBudget } from './limits/fetch-budget.js';
export { createFetchBudget, isBudgetSpent } from './limits/fetch-budget.js';
export type { Semaphore } from './limits/semaphore.js';
export { createSemaphore } from './limits/semaphore.js';
export { runMain } from './main.js';
export type { PromptDefinition, PromptMessage } from './prompt.js';
export { definePrompt } from './prompt.js';
export { safeFetchOptionsFromEnv } from './safe-fetch/env.js';
export type { SafeFetch } from './safe-fetch/safe-fetch.js';
export { BROWSER_HEADERS, BROWSER_USER_AGENT, createSafeFetch } from './safe-fetch/safe-fetch.js';
export type { TargetPolicyOptions } from './safe-fetch/target.js';
export { checkEndpoint, createTargetPolicy } from './safe-fetch/target.js';
export type { EndpointDefinition, ServerDefinition, ToolSet } from './server.js';
export { createServer, prepareServer, toolSetOf } from './server.js';
export { hostRateKey } from './store/redis-ops.js';
export type { Store } from './store/types.js';
export type { AnyTool, ToolContext, ToolFailure } from './tool.js';
export { defineTool, fail, isToolFailure, toolError } from './tool.js';
export { createToolRegistry } from './tool-registry.js';
export type { ToolsContext } from './tools-context.js';
export {
  isRecord,
  lenientArray,
  lenientBoolean,
  lenientInt,
  lenientNumber,
  lenientObject,
  lenientString,
  lenientText,
  parseUpstream,
} from './upstream/lenient.js';
export type {
  Upstream,
  UpstreamClient,
  UpstreamGuard,
  UpstreamOptions,
  UpstreamRequest,
  UpstreamResponse,
} from './upstream/types.js';
export { createUpstream } from './upstream/upstream.js';
