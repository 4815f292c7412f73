// Public surface of @mcp/core. Named exports only; types apart.

export type { BasicCredential, Credentials } from './auth/credentials.js';
export { basicHeader, generatePassword, resolveCredentials } from './auth/credentials.js';
export type { CoreConfig } from './config.js';
export { ConfigError, coreEnvSchema, loadConfig } from './config.js';
export type { ErrorCode, ErrorPayload, Result } from './errors.js';
export { ERROR_CODES, err, ok } from './errors.js';
export { createLogger } from './logger.js';
export type { RunningServer } from './main.js';
export { runMain } from './main.js';
export type { PreparedServer, ServerDefinition, ToolsContext } from './server.js';
export { createServer, prepareServer, StartupError } from './server.js';
export type { AnyTool, ToolContext, ToolDefinition, ToolFailure } from './tool.js';
export { defineTool, fail, isToolFailure, toolError } from './tool.js';
export type { ToolRegistry } from './tool-registry.js';
export { createToolRegistry, describeIssues, errorResult } from './tool-registry.js';
