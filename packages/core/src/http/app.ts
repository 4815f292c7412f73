import { createMcpHandler, type McpServerFactory } from '@modelcontextprotocol/server';
import Fastify, { LogController, type onRequestHookHandler } from 'fastify';
import type { Logger } from 'pino';
import { type AuthGuardOptions, authGuardPlugin } from '../auth/guard.js';
import { createFastPath } from '../mcp/fast-path.js';
import type { ToolCaller } from '../mcp/protocol-server.js';
import { metricsPlugin } from '../metrics/plugin.js';
import type { Metrics } from '../metrics/types.js';
import { drainOversizeBodies } from './drain-oversize.js';
import { healthRoutes } from './health.js';
import { mcpRoutes } from './mcp-routes.js';
import { securityHeaders } from './security-headers.js';

export interface HttpAppOptions {
  name: string;
  version: string;
  log: Logger;
  factory: McpServerFactory;
  /** Enables the JSON fast path for 2025-era tools/call and tools/list (the factory's own caller). */
  tools?: ToolCaller;
  /** More MCP endpoints (`/<name>/mcp`) behind the same guard, each with its own factory and caller. */
  endpoints?: ReadonlyArray<{ path: string; factory: McpServerFactory; tools?: ToolCaller }>;
  /**
   * What guards /mcp and /metrics: the auth guard (every server). Only the test kit's conformance
   * server, unauthenticated on loopback, puts its own Host/Origin check in its place; this module is
   * not part of the package's public surface, so an app cannot.
   */
  guard: AuthGuardOptions | { unauthenticated: onRequestHookHandler };
  trustProxy?: readonly string[];
  /** App cleanup, after in-flight requests are done. */
  onClose?: () => Promise<void>;
  /** This server's metrics: served on `GET /metrics` (Prometheus text) behind the guard, HTTP answers counted. */
  metrics?: Metrics;
  /** `FETCH_BUDGET`: outbound page fetches one POST /mcp may trigger. */
  fetchBudget?: number;
  /** Longest time for a whole request (headers and body) to arrive; default REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
}

export const BODY_LIMIT = 1024 * 1024;
/** A 1 MB body arrives well within this on any real link; a client dripping bytes does not. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Headers are small: they get a third of the request's time, at most 10 s. */
const MAX_HEADERS_TIMEOUT_MS = 10_000;
/** A socket with no byte either way for this long is closed (long tool calls still send within it). */
export const IDLE_TIMEOUT_MS = 120_000;
/**
 * Idle keep-alive connections are kept a little longer than Traefik's 90 s idle timeout towards its
 * backends, so the proxy, not the app, closes them (the other way round, a request racing the close
 * gets a 502).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 95_000;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The Fastify app of one MCP server: public health, authenticated /mcp, JSON 404s, no stack traces. */
export const buildHttpApp = async (options: HttpAppOptions) => {
  const routes = await Promise.all(
    [{ path: '/mcp', factory: options.factory, tools: options.tools }, ...(options.endpoints ?? [])].map(
      async ({ path, factory, tools }) => ({
        path,
        handler: createMcpHandler(factory, {
          onerror: (error) => options.log.debug({ err: error, path }, 'mcp handler reported an error'),
        }),
        fastPath: tools ? await createFastPath({ factory, caller: tools }) : undefined,
      }),
    ),
  );
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const app = Fastify({
    loggerInstance: options.log,
    requestTimeout,
    connectionTimeout: IDLE_TIMEOUT_MS,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    // Node enforces the request and headers timeouts on a timer (every 30 s by default): check every
    // second so a slow-drip client is cut off close to the limit, not up to 30 s after it.
    http: {
      headersTimeout: Math.min(MAX_HEADERS_TIMEOUT_MS, Math.max(1, Math.floor(requestTimeout / 3))),
      requestTimeout,
      connectionsCheckingInterval: Math.min(1000, requestTimeout),
    },
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? [...options.trustProxy] : false,
    // Our onResponse hook logs one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
    return503OnClosing: true,
  });

  app.addHook('onRequest', securityHeaders);

  // Callback hooks where there is nothing to wait for: an async hook costs a promise per request.
  app.addHook('onResponse', (request, reply, done) => {
    if (request.url === '/' && reply.statusCode === 200) return done();
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });

  const { metrics } = options;
  if (metrics) await app.register(metricsPlugin, { metrics });

  app.addHook('onRequest', drainOversizeBodies(BODY_LIMIT));

  app.setNotFoundHandler(async (request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` }),
  );
  app.setErrorHandler(async (error: { statusCode?: number; message?: string }, request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send({
      error: status === 500 ? 'internal_error' : 'bad_request',
      message: status === 500 ? 'Internal error.' : error.message,
    });
  });

  await app.register(healthRoutes, { name: options.name, version: options.version });
  await app.register(async (scope) => {
    if ('unauthenticated' in options.guard) scope.addHook('onRequest', options.guard.unauthenticated);
    else await scope.register(authGuardPlugin, options.guard);
    for (const { path, handler, fastPath } of routes) {
      await scope.register(mcpRoutes, {
        path,
        handler,
        ...(fastPath ? { fastPath } : {}),
        ...(options.fetchBudget ? { fetchBudget: options.fetchBudget } : {}),
      });
    }
    if (metrics) {
      scope.get('/metrics', async (_request, reply) =>
        reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
      );
    }
  });
  // Node closes idle keep-alive sockets only once, when close() starts; a socket that was busy then
  // would otherwise keep the process up until its keep-alive timeout after its last answer.
  let reaper: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    reaper = setInterval(() => app.server.closeIdleConnections(), 50);
    reaper.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(reaper);
    await Promise.all(routes.flatMap(({ handler, fastPath }) => [handler.close(), fastPath?.close()]));
    await options.onClose?.();
  });
  return app;
};
