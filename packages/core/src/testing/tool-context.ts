import { type Logger, pino } from 'pino';
import { createFetchBudget, type FetchBudget } from '../limits/fetch-budget.js';
import type { ToolContext } from '../tool.js';

/**
 * The context the server hands a tool handler, minus the transport: for unit tests that call
 * `createToolRegistry(tools).call(name, args, toolContext())`, the same validation path as over MCP.
 */
export const toolContext = (
  options: {
    signal?: AbortSignal;
    log?: Logger;
    progress?: ToolContext['progress'];
    fetchBudget?: FetchBudget;
  } = {},
): ToolContext => ({
  signal: options.signal ?? new AbortController().signal,
  fetchBudget: options.fetchBudget ?? createFetchBudget(100),
  log: options.log ?? pino({ level: 'silent' }),
  progress: options.progress ?? (async () => {}),
});
