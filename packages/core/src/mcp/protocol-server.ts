import type {
  AuthInfo,
  CallToolResult,
  Implementation,
  McpServerFactory,
  Notification,
} from '@modelcontextprotocol/server';
import { Server } from '@modelcontextprotocol/server';
import type { Logger } from 'pino';
import { lazyLogContext } from '../call-context.js';
import { createFetchBudget, isFetchBudget } from '../limits/fetch-budget.js';
import type { PromptSet } from '../prompt.js';
import type { ToolRegistry } from '../tool-registry.js';
import { errorResult, readToolError } from '../tool-result.js';
import type { ToolLimiter } from './tool-limiter.js';

export interface ServerIdentity {
  name: string;
  version: string;
  title?: string;
  instructions?: string;
  /** Served on `prompts/list` and `prompts/get` (the SDK path: prompts are rare, not the hot path). */
  prompts?: PromptSet;
}

export interface ToolCallerOptions {
  registry: ToolRegistry;
  log: Logger;
  /** `FETCH_BUDGET`: used per call when the transport gave no per-request budget (stdio). */
  fetchBudget?: number;
  /** Observes each tool call (metrics). */
  onToolCall?: (tool: string, outcome: 'ok' | 'error', errorCode?: string) => void;
  /** The per-process cap on running tool calls; one instance shared by every transport. */
  limiter?: ToolLimiter;
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

/**
 * `tools/call` over the registry, built once per server and shared by the SDK-served path (the
 * protocol server factory) and the JSON fast path: one limiter, one metrics hook, one registry.
 */
export interface ToolCaller {
  readonly registry: ToolRegistry;
  /** The tool's result as the handler made it; `projectResult` turns it into what goes on the wire. */
  call: (request: ToolCallRequest) => Promise<CallToolResult>;
}

/** A result as the SDK sends it: projected against the output schema the registry advertises. */
export const projectResult = (
  server: Server,
  registry: ToolRegistry,
  name: string,
  result: CallToolResult,
): CallToolResult =>
  server.projectCallToolResult(result, result.isError ? undefined : registry.outputSchema(name));

export const createToolCaller = (options: ToolCallerOptions): ToolCaller => {
  const { registry, log } = options;
  const call = async (request: ToolCallRequest): Promise<CallToolResult> => {
    // Names a client sends that are not tools never become a metrics label or a long log field.
    const tool = registry.has(request.name) ? request.name : '(unknown)';
    const requestId = request.authInfo?.extra?.requestId;
    const { progressToken, notify } = request;
    // Over HTTP, /mcp puts one budget per HTTP request on its authInfo, shared by all its calls.
    const shared = request.authInfo?.extra?.fetchBudget;
    const toolCtx = lazyLogContext({
      signal: request.signal,
      fetchBudget: isFetchBudget(shared)
        ? shared
        : createFetchBudget(options.fetchBudget ?? DEFAULT_FETCH_BUDGET),
      makeLog: () => log.child({ tool, ...(requestId ? { reqId: requestId } : {}) }),
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
    });
    const slot = options.limiter ? await options.limiter.acquire(request.signal) : undefined;
    let result: CallToolResult;
    if (slot && !slot.ok) {
      result = errorResult({
        code: 'rate_limited',
        message: `This server is running too many tool calls; retry in ${slot.retryAfterS} s.`,
        details: { retry_after_s: slot.retryAfterS },
      });
    } else {
      try {
        result = await registry.call(request.name, request.arguments, toolCtx);
      } finally {
        slot?.release();
      }
    }
    options.onToolCall?.(
      tool,
      result.isError ? 'error' : 'ok',
      result.isError ? readToolError(result)?.code : undefined,
    );
    return result;
  };
  return { registry, call };
};

// The identity each factory's servers carry: the fast path stamps it on 2026-07-28 results as the SDK's
// encoder does from the server instance (which keeps it private).
const identities = new WeakMap<McpServerFactory, Implementation>();

/** The `serverInfo` of the servers a factory of this module builds; undefined for any other factory. */
export const factoryIdentity = (factory: McpServerFactory): Implementation | undefined =>
  identities.get(factory);

/**
 * The per-request factory handed to the SDK entries (createMcpHandler, serveStdio). It builds a bare
 * low-level `Server` and wires two handlers over the registry compiled once at start-up, instead of
 * re-registering (and re-deriving JSON Schemas for) every tool on each request as `McpServer` would.
 */
export const createProtocolServerFactory = (
  options: ServerIdentity,
  caller: ToolCaller,
): McpServerFactory => {
  const { registry } = caller;
  const info = {
    name: options.name,
    version: options.version,
    ...(options.title ? { title: options.title } : {}),
  };
  const { prompts } = options;
  const serverOptions = {
    capabilities: { tools: {}, ...(prompts ? { prompts: {} } : {}) },
    ...(options.instructions ? { instructions: options.instructions } : {}),
  };

  const factory: McpServerFactory = () => {
    const server = new Server(info, serverOptions);
    server.setRequestHandler('tools/list', async () => registry.list);
    server.setRequestHandler('tools/call', async (request, ctx) => {
      const progressToken = ctx.mcpReq._meta?.progressToken;
      const authInfo = ctx.http?.authInfo;
      const result = await caller.call({
        name: request.params.name,
        arguments: request.params.arguments,
        signal: ctx.mcpReq.signal,
        notify: ctx.mcpReq.notify,
        ...(progressToken === undefined ? {} : { progressToken }),
        ...(authInfo ? { authInfo } : {}),
      });
      return projectResult(server, registry, request.params.name, result);
    });
    if (prompts) {
      server.setRequestHandler('prompts/list', async () => prompts.list);
      server.setRequestHandler('prompts/get', async (request) =>
        prompts.get(request.params.name, request.params.arguments),
      );
    }
    return server;
  };
  identities.set(factory, info);
  return factory;
};
