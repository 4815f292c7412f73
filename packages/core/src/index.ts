// Public surface of @mcp/core. Named exports only; types apart.

export type { ErrorCode, ErrorPayload, Result } from './errors.js';
export { ERROR_CODES, err, ok } from './errors.js';
export type { AnyTool, ToolContext, ToolDefinition, ToolFailure } from './tool.js';
export { defineTool, fail, isToolFailure, toolError } from './tool.js';
export type { ToolRegistry } from './tool-registry.js';
export { createToolRegistry, describeIssues, errorResult } from './tool-registry.js';
