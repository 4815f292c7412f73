import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/** `/mcp` and the extra endpoints `/<name>/mcp`, with or without a query. */
const MCP_PATH = /^(?:\/[a-z0-9][a-z0-9-]*)?\/mcp(?:[?/]|$)/;

/** `no-cache, no-transform` (the SDK's SSE header) → `no-store, no-transform`: keep no-transform for proxies. */
const noStore = (given: unknown): string =>
  /no-transform/i.test(String(given ?? '')) ? 'no-store, no-transform' : 'no-store';

/**
 * The SDK writes its own /mcp answers on a hijacked reply, with `Cache-Control: no-cache` on event
 * streams, passed straight to writeHead (which wins over setHeader): rewrite it at that point. Only the
 * answers the SDK writes need this; core's own answers keep the header set in `securityHeaders`.
 */
export const keepNoStore = (res: ServerResponse): void => {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const headers = args.find((a, i) => i > 0 && typeof a === 'object' && a !== null && !Array.isArray(a));
    let given: unknown;
    if (headers) {
      const record = headers as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (key.toLowerCase() !== 'cache-control') continue;
        given = record[key];
        delete record[key];
      }
    }
    res.setHeader('cache-control', noStore(given));
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
};

/**
 * onRequest hook: headers every answer carries, set on the raw response so that they also reach the /mcp answers the
 * SDK writes itself. Traefik adds the same ones in the deployment; the app sets them too so that a
 * server reached without that proxy (locally, behind another proxy) still has them. A callback hook,
 * not an async one: it runs on every request and has nothing to wait for.
 */
export const securityHeaders = (
  request: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void => {
  // A JSON or event-stream answer must never be sniffed into HTML by a browser.
  reply.raw.setHeader('x-content-type-options', 'nosniff');
  // MCP answers carry tool results for one credential: no shared or browser cache may keep them.
  if (MCP_PATH.test(request.url)) reply.raw.setHeader('cache-control', 'no-store');
  done();
};
