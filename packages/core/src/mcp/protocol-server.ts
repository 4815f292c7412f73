import type { AuthInfo, CallToolResult, McpServerFactory, Notification } from '@modelcontextprotocol/server';
import { Server } from '@modelcontextprotocol/server';
import type { Logger } from 'pino';
import { createFetchBudget, isFetchBudget } from '../limits/fetch-budget.js';
import type { ToolContext } from '../tool.js';
import type { ToolRegistry } from '../tool-registry.js';
import { readToolError } from '../tool-result.js';

export interface ServerIdentity {
  name: string;
  version: string;
  title?: string;
  instructions?: string;
}

export interface ProtocolServerOptions extends ServerIdentity {
  registry: ToolRegistry;
  log: Logger;
  /** `FETCH_BUDGET`: used per call when the transport gave no per-request budget (stdio). */
  fetchBudget?: number;
  /** Observes each tool call (metrics). */
  onToolCall?: (tool: string, outcome: 'ok' | 'error', errorCode?: string) => void;
}

export interface ToolCallRequest {
  name: string;
  arguments?: unknown;
  progressToken?: string | number;
  signal: AbortSignal;
  authInfo?: AuthInfo;
  /** Sends a notification related to this request; absent when nobody listens. */
  notify?: (notification: Notification) => Promise<void>;
}

const noProgress = async () => {};

export const DEFAULT_FETCH_BUDGET = 100;

/** `tools/call` over the registry: shared by the SDK-served path and the JSON fast path. */
export const createToolCaller = (options: ProtocolServerOptions) => {
  const { registry, log } = options;
  return async (call: ToolCallRequest): Promise<CallToolResult> => {
    const requestId = call.authInfo?.extra?.requestId;
    const { progressToken, notify } = call;
    // Over HTTP, /mcp puts one budget per HTTP request on its authInfo, shared by all its calls.
    const shared = call.authInfo?.extra?.fetchBudget;
    let child: Logger | undefined;
    const toolCtx: ToolContext = {
      signal: call.signal,
      fetchBudget: isFetchBudget(shared)
        ? shared
        : createFetchBudget(options.fetchBudget ?? DEFAULT_FETCH_BUDGET),
      // Built on first use: most calls never log, and a pino child per call shows in the profile.
      get log() {
        child ??= log.child({ tool: call.name, ...(requestId ? { reqId: requestId } : {}) });
        return child;
      },
      progress:
        progressToken === undefined || !notify
          ? noProgress
          : (progress, total, message) =>
              notify({
                method: 'notifications/progress',
                params: {
                  progressToken,
                  progress,
                  ...(total === undefined ? {} : { total }),
                  ...(message === undefined ? {} : { message }),
                },
              }),
    };
    const result = await registry.call(call.name, call.arguments, toolCtx);
    if (options.onToolCall) {
      const code = result.isError ? readToolError(result)?.code : undefined;
      options.onToolCall(call.name, result.isError ? 'error' : 'ok', code);
    }
    return result;
  };
};

/**
 * The per-request factory handed to the SDK entries (createMcpHandler, serveStdio). It builds a bare
 * low-level `Server` and wires two handlers over the registry compiled once at start-up, instead of
 * re-registering (and re-deriving JSON Schemas for) every tool on each request as `McpServer` would.
 */
export const createProtocolServerFactory = (options: ProtocolServerOptions): McpServerFactory => {
  const { registry } = options;
  const callTool = createToolCaller(options);
  const outputSchemas = new Map(registry.list.tools.map((t) => [t.name, t.outputSchema]));
  const info = {
    name: options.name,
    version: options.version,
    ...(options.title ? { title: options.title } : {}),
  };
  const serverOptions = {
    capabilities: { tools: {} },
    ...(options.instructions ? { instructions: options.instructions } : {}),
  };

  return () => {
    const server = new Server(info, serverOptions);
    server.setRequestHandler('tools/list', async () => registry.list);
    server.setRequestHandler('tools/call', async (request, ctx) => {
      const progressToken = ctx.mcpReq._meta?.progressToken;
      const authInfo = ctx.http?.authInfo;
      const result = await callTool({
        name: request.params.name,
        arguments: request.params.arguments,
        signal: ctx.mcpReq.signal,
        notify: ctx.mcpReq.notify,
        ...(progressToken === undefined ? {} : { progressToken }),
        ...(authInfo ? { authInfo } : {}),
      });
      return server.projectCallToolResult(
        result,
        result.isError ? undefined : outputSchemas.get(request.params.name),
      );
    });
    return server;
  };
};
