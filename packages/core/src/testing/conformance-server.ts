import type { McpServerFactory } from '@modelcontextprotocol/server';
import { Server } from '@modelcontextprotocol/server';
import type { onRequestHookHandler } from 'fastify';
import type { Logger } from 'pino';
import { pino } from 'pino';
import { buildHttpApp } from '../http/app.js';
import { createToolCaller, projectResult, type ToolCaller } from '../mcp/protocol-server.js';
import { createToolRegistry, type ToolRegistry } from '../tool-registry.js';
import {
  callPlainTool,
  conformanceCoreTools,
  conformancePlainTools,
  conformancePrompts,
  conformanceResources,
  conformanceTemplates,
  getPrompt,
  readResource,
} from './conformance-fixtures.js';

/*
 * The server the official conformance suite runs against: @mcp/core's HTTP app as production builds it
 * (buildHttpApp: /mcp routes, JSON fast path, tool registry and caller), plus the resources, prompts,
 * logging and completion handlers the scenarios expect (core's production factory serves tools only).
 * Only the guard differs: auth is off (see startConformanceServer). It exists only in the test kit.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

const hostnameOf = (hostHeader: string | undefined): string | undefined => {
  if (!hostHeader) return undefined;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
};

/**
 * Core's registry of the conformance tools that fit its contract, listing the plain ones beside them:
 * `tools/list` (fast path or SDK) shows every tool, while `has` leaves the plain ones' calls to the
 * factory below, as the fast path does for any name the registry does not run.
 */
const conformanceRegistry = (): ToolRegistry => {
  const core = createToolRegistry(conformanceCoreTools);
  return { ...core, list: { tools: [...core.list.tools, ...conformancePlainTools] } };
};

/** The per-request SDK server: core's tool path plus the scenarios' fixtures. */
export const conformanceFactory = (caller: ToolCaller): McpServerFactory => {
  const { registry } = caller;
  const identity = { name: 'mcp-core-conformance', version: '0.1.0' };
  const capabilities = {
    tools: {},
    resources: { subscribe: true },
    prompts: {},
    logging: {},
    completions: {},
  };

  return () => {
    const server = new Server(identity, { capabilities });
    server.setRequestHandler('tools/list', async () => registry.list);
    server.setRequestHandler('tools/call', async (request, ctx) => {
      const args = (request.params.arguments ?? {}) as Record<string, unknown>;
      const plain = await callPlainTool(request.params.name, args, ctx);
      if (plain) return plain;
      const progressToken = ctx.mcpReq._meta?.progressToken;
      const result = await caller.call({
        name: request.params.name,
        arguments: request.params.arguments,
        signal: ctx.mcpReq.signal,
        notify: ctx.mcpReq.notify,
        ...(progressToken === undefined ? {} : { progressToken }),
      });
      return projectResult(server, registry, request.params.name, result);
    });
    server.setRequestHandler('resources/list', async () => ({ resources: conformanceResources }));
    server.setRequestHandler('resources/templates/list', async () => ({
      resourceTemplates: conformanceTemplates,
    }));
    server.setRequestHandler('resources/read', async (request) => {
      const contents = readResource(request.params.uri);
      if (!contents) throw new Error(`Unknown resource ${request.params.uri}`);
      return { contents };
    });
    // Stateless: there is no session to notify later, so a subscription is acknowledged and kept nowhere.
    server.setRequestHandler('resources/subscribe', async () => ({}));
    server.setRequestHandler('resources/unsubscribe', async () => ({}));
    server.setRequestHandler('prompts/list', async () => ({ prompts: conformancePrompts }));
    server.setRequestHandler('prompts/get', async (request) => {
      const messages = getPrompt(request.params.name, request.params.arguments ?? {});
      if (!messages) throw new Error(`Unknown prompt ${request.params.name}`);
      return { messages };
    });
    server.setRequestHandler('logging/setLevel', async () => ({}));
    server.setRequestHandler('completion/complete', async (request) => {
      const prefix = request.params.argument.value.toLowerCase();
      const values = ['paris', 'park', 'party', 'test'].filter((v) => v.startsWith(prefix));
      return { completion: { values, total: values.length, hasMore: false } };
    });
    return server;
  };
};

/** Without credentials the only defence against DNS rebinding: loopback Host, and loopback Origin if any. */
const loopbackOnly: onRequestHookHandler = async (request, reply) => {
  const origin = request.headers.origin;
  const originHost = origin === undefined ? undefined : hostnameOf(origin.replace(/^[a-z]+:\/\//i, ''));
  const hostOk = LOOPBACK_HOSTS.has(hostnameOf(request.headers.host) ?? '');
  if (!hostOk || (origin !== undefined && !LOOPBACK_HOSTS.has(originHost ?? ''))) {
    return reply
      .code(403)
      .send({ error: 'forbidden_host', message: 'Host and Origin must be loopback (auth is off).' });
  }
};

export interface ConformanceServer {
  url: string;
  mcpUrl: string;
  close: () => Promise<void>;
}

/**
 * Serves the conformance fixtures with authentication disabled — refused unless bound to loopback and
 * outside production. Without credentials the only defence against DNS rebinding is the Host/Origin
 * check, so non-loopback Host or Origin headers are refused with 403.
 */
export const startConformanceServer = async (
  options: { host?: string; port?: number; nodeEnv?: string; log?: Logger } = {},
): Promise<ConformanceServer> => {
  const host = options.host ?? '127.0.0.1';
  const nodeEnv = options.nodeEnv ?? process.env.NODE_ENV;
  if (!LOOPBACK_HOSTS.has(host))
    throw new Error(`conformance server: auth is off, so it binds loopback only`);
  if (nodeEnv === 'production') throw new Error('conformance server: refused in production');
  const log = options.log ?? pino({ level: 'silent' });

  const caller = createToolCaller({ registry: conformanceRegistry(), log });
  const app = await buildHttpApp({
    name: 'mcp-core-conformance',
    version: '0.1.0',
    log,
    factory: conformanceFactory(caller),
    tools: caller,
    // Auth is off here (the suite sends no credentials, and the production guard answers 401 to a
    // request without them before anything else): the Host/Origin check is the whole guard.
    guard: { unauthenticated: loopbackOnly },
  });
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('conformance server has no port');
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return { url, mcpUrl: `${url}/mcp`, close: () => app.close() };
};
