// Public surface of @mcp/core. Named exports only; types apart.

export type { BasicCredential, Credentials } from './auth/credentials.js';
export { basicHeader, generatePassword, resolveCredentials } from './auth/credentials.js';
export type { CoreConfig } from './config.js';
export { ConfigError, coreEnvSchema, loadConfig } from './config.js';
export type { ErrorCode, ErrorPayload, Result } from './errors.js';
export { ERROR_CODES, err, ok } from './errors.js';
export type { FetchBudget } from './limits/fetch-budget.js';
export { createFetchBudget, isBudgetSpent } from './limits/fetch-budget.js';
export { FETCH_QUEUE_MAX } from './limits/limits.js';
export type { Semaphore, SemaphoreOptions } from './limits/semaphore.js';
export { createSemaphore } from './limits/semaphore.js';
export { createLogger } from './logger.js';
export type { RunningServer } from './main.js';
export { runMain } from './main.js';
export type { Metrics } from './metrics/registry.js';
export {
  createMetrics,
  getMetrics,
  getMetricsRegistry,
  recordHttpRequest,
  recordToolCall,
} from './metrics/registry.js';
export { checkAddress } from './safe-fetch/address.js';
export { createSafeFetchFromEnv, safeFetch } from './safe-fetch/default.js';
export { safeFetchOptionsFromEnv } from './safe-fetch/env.js';
export type {
  CreateSafeFetchOptions,
  SafeFetch,
  SafeFetchLogger,
  SafeFetchOptions,
  SafeFetchResponse,
} from './safe-fetch/safe-fetch.js';
export { BROWSER_HEADERS, BROWSER_USER_AGENT, createSafeFetch } from './safe-fetch/safe-fetch.js';
export type { TargetPolicy, TargetPolicyOptions } from './safe-fetch/target.js';
export { checkEndpoint, createTargetPolicy } from './safe-fetch/target.js';
export type { PreparedServer, ServerDefinition, ToolsContext } from './server.js';
export { createServer, prepareServer, StartupError } from './server.js';
export { createStoreFromConfig, defaultRedisPrefix, redisPrefix } from './store/from-config.js';
export type { MemoryStoreOptions } from './store/memory.js';
export { createMemoryStore } from './store/memory.js';
export type { RedisStoreOptions, SharedStore } from './store/redis.js';
export { createRedisStore } from './store/redis.js';
export type { CounterState, RateSpec, Release, Store, TakeResult } from './store/types.js';
export type { AnyTool, ToolContext, ToolDefinition, ToolFailure } from './tool.js';
export { defineTool, fail, isToolFailure, toolError } from './tool.js';
export type { ToolRegistry } from './tool-registry.js';
export { createToolRegistry, describeIssues, TOOL_DEADLINE_MS } from './tool-registry.js';
export { errorResult, readToolError } from './tool-result.js';
export { decodeBody } from './upstream/charset.js';
export {
  isRecord,
  jsonPath,
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
  CacheCandidate,
  QueryValue,
  ShouldCache,
  Upstream,
  UpstreamGuard,
  UpstreamOptions,
  UpstreamRequest,
  UpstreamResponse,
  UpstreamStats,
} from './upstream/types.js';
export { createUpstream } from './upstream/upstream.js';
