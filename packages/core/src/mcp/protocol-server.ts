import { type McpServerFactory, Server } from '@modelcontextprotocol/server';
import type { Logger } from 'pino';
import type { ToolContext } from '../tool.js';
import type { ToolRegistry } from '../tool-registry.js';

export interface ServerIdentity {
  name: string;
  version: string;
  title?: string;
  instructions?: string;
}

export interface ProtocolServerOptions extends ServerIdentity {
  registry: ToolRegistry;
  log: Logger;
  /** Observes each tool call (metrics). */
  onToolCall?: (tool: string, outcome: 'ok' | 'error', errorCode?: string) => void;
}

const noProgress = async () => {};

/**
 * The per-request factory handed to the SDK entries (createMcpHandler, serveStdio). It builds a bare
 * low-level `Server` and wires two handlers over the registry compiled once at start-up, instead of
 * re-registering (and re-deriving JSON Schemas for) every tool on each request as `McpServer` would.
 */
export const createProtocolServerFactory = (options: ProtocolServerOptions): McpServerFactory => {
  const { registry, log } = options;
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
      const name = request.params.name;
      const progressToken = ctx.mcpReq._meta?.progressToken;
      const requestId = ctx.http?.authInfo?.extra?.requestId;
      const toolCtx: ToolContext = {
        signal: ctx.mcpReq.signal,
        log: log.child({ tool: name, ...(requestId ? { reqId: requestId } : {}) }),
        progress:
          progressToken === undefined
            ? noProgress
            : (progress, total, message) =>
                ctx.mcpReq.notify({
                  method: 'notifications/progress',
                  params: {
                    progressToken,
                    progress,
                    ...(total === undefined ? {} : { total }),
                    ...(message === undefined ? {} : { message }),
                  },
                }),
      };
      const result = await registry.call(name, request.params.arguments, toolCtx);
      const failure = result.isError
        ? (result.structuredContent as { error?: { code?: string } } | undefined)
        : undefined;
      const code = failure?.error?.code;
      options.onToolCall?.(name, result.isError ? 'error' : 'ok', code);
      return server.projectCallToolResult(result, result.isError ? undefined : outputSchemas.get(name));
    });
    return server;
  };
};
