import { toNodeHandler } from '@modelcontextprotocol/node';
import type { AuthInfo, McpHttpHandler } from '@modelcontextprotocol/server';
import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify';
import { createFetchBudget } from '../limits/fetch-budget.js';
import type { FastPath } from '../mcp/fast-path.js';
import { DEFAULT_FETCH_BUDGET } from '../mcp/protocol-server.js';
import { batchRefusal } from './batch.js';
import { exceedsDepth, MAX_JSON_DEPTH } from './json-depth.js';
import { keepNoStore } from './security-headers.js';

export interface McpRoutesOptions {
  /** Default `/mcp`; another endpoint of the same process is `/<name>/mcp`. */
  path?: string;
  handler: McpHttpHandler;
  fastPath?: FastPath;
  /** `FETCH_BUDGET`: outbound page fetches one POST may trigger, every tool call in it together. */
  fetchBudget?: number;
}

/**
 * One fetch budget per HTTP request, carried on the request's authInfo: both the fast path and the
 * SDK handler hand authInfo to the tool caller, so every tool call in this POST draws on it.
 */
const attachFetchBudget = (raw: { auth?: AuthInfo }, limit: number): void => {
  const auth = raw.auth ?? { token: '', clientId: '', scopes: [] };
  raw.auth = { ...auth, extra: { ...auth.extra, fetchBudget: createFetchBudget(limit) } };
};

const rpcError = (reply: FastifyReply, status: number, code: number, message: string) =>
  reply.code(status).type('application/json').send({ jsonrpc: '2.0', error: { code, message }, id: null });

const methodNotAllowed = (reply: FastifyReply, message: string) =>
  reply
    .code(405)
    .header('allow', 'POST')
    .type('application/json')
    .send({ error: 'method_not_allowed', message });

/** `/mcp`: Streamable HTTP through the SDK's stateless handler. The caller's scope holds the auth guard. */
export const mcpRoutes: FastifyPluginAsync<McpRoutesOptions> = async (app, opts) => {
  const node = toNodeHandler(opts.handler);
  const path = opts.path ?? '/mcp';

  // Body errors belong to the JSON-RPC layer: answer them in JSON-RPC shape, never as a 500.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError || status === 400) {
      return rpcError(reply, 400, -32700, 'Parse error: the body is not valid JSON.');
    }
    if (status === 413) return rpcError(reply, 413, -32600, 'Request body too large.');
    if (status === 415) return rpcError(reply, 415, -32600, 'Content-Type must be application/json.');
    request.log.error({ err: error }, 'mcp route failed');
    return rpcError(reply, 500, -32603, 'Internal error.');
  });

  app.post(path, async (request, reply) => {
    if (exceedsDepth(request.body)) {
      return rpcError(
        reply,
        400,
        -32600,
        `Invalid Request: JSON nested deeper than ${MAX_JSON_DEPTH} levels.`,
      );
    }
    const refusal = batchRefusal(request.headers, request.body);
    if (refusal) return rpcError(reply, 400, -32600, refusal);
    attachFetchBudget(request.raw as { auth?: AuthInfo }, opts.fetchBudget ?? DEFAULT_FETCH_BUDGET);
    const fast = opts.fastPath?.accept(request.headers, request.body);
    if (fast && opts.fastPath) {
      const disconnected = new AbortController();
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) disconnected.abort();
      });
      const authInfo = (request.raw as { auth?: AuthInfo }).auth;
      const response = await opts.fastPath.handle(fast, {
        signal: disconnected.signal,
        ...(authInfo ? { authInfo } : {}),
      });
      return reply.type('application/json; charset=utf-8').send(response);
    }
    keepNoStore(reply.raw);
    reply.hijack();
    await node(request.raw, reply.raw, request.body);
  });

  app.get(path, async (request, reply) => {
    const accept = request.headers.accept ?? '';
    if (!accept.includes('text/event-stream')) {
      return reply
        .code(406)
        .type('application/json')
        .send({
          error: 'not_acceptable',
          message: `GET ${path} needs Accept: text/event-stream; send JSON-RPC with POST.`,
        });
    }
    return methodNotAllowed(reply, 'This server is stateless: no standalone SSE stream. Use POST.');
  });

  app.route({
    method: ['DELETE', 'PUT', 'PATCH'],
    url: path,
    handler: async (_request, reply) => methodNotAllowed(reply, 'This server is stateless: use POST.'),
  });
};
