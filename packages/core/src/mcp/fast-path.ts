import type { IncomingHttpHeaders } from 'node:http';
import {
  type AuthInfo,
  type CallToolResult,
  classifyInboundRequest,
  type JSONRPCRequest,
  type McpServerFactory,
  type Server,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@modelcontextprotocol/server';
import { projectResult, type ToolCaller } from './protocol-server.js';

const FAST_METHODS = new Set(['tools/call', 'tools/list']);
const LEGACY_VERSIONS = new Set(SUPPORTED_PROTOCOL_VERSIONS.filter((v) => v < '2026'));

type CallParams = { name?: unknown; arguments?: unknown; _meta?: Record<string, unknown> };

export interface FastPath {
  /** The request if this path answers it exactly as the SDK's stateless handler would; else undefined. */
  accept: (headers: IncomingHttpHeaders, body: unknown) => JSONRPCRequest | undefined;
  /** The JSON-RPC response for an accepted request, serialized. */
  handle: (request: JSONRPCRequest, extra: { signal: AbortSignal; authInfo?: AuthInfo }) => Promise<Buffer>;
  close: () => Promise<void>;
}

const CLOSE = Buffer.from('}');

/** `{"jsonrpc":"2.0","id":…,"result":…}`: the bytes JSON.stringify gives, around a serialized result. */
const envelope = (id: JSONRPCRequest['id'], result: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":`), result, CLOSE]);

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The hot path of `/mcp`: 2025-era `tools/call` and `tools/list` — what agents send all day — answered
 * as plain JSON straight from the registry: no per-request server, transport, Web Request/Response or
 * SSE stream (the SDK's stateless pattern costs ~15× raw Fastify). The SDK's own classifier decides the
 * era; anything it does not route to plain legacy serving, anything that wants streaming (a progress
 * token), and any header the SDK would reject go to the SDK handler unchanged, so every protocol error
 * stays the SDK's. Results are projected through the SDK's `projectCallToolResult` on a legacy instance.
 */
export const createFastPath = async (options: {
  factory: McpServerFactory;
  caller: ToolCaller;
}): Promise<FastPath> => {
  const { caller } = options;
  const { registry } = caller;
  const projector = (await options.factory({ era: 'legacy' })) as Server;

  const accept: FastPath['accept'] = (headers, body) => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const message = body as Partial<JSONRPCRequest> & { params?: CallParams };
    if (typeof message.method !== 'string' || !FAST_METHODS.has(message.method)) return undefined;
    if (message.jsonrpc !== '2.0' || (typeof message.id !== 'string' && typeof message.id !== 'number'))
      return undefined;
    const params = message.params;
    if (params !== undefined && (typeof params !== 'object' || params === null)) return undefined;
    if (params?._meta?.progressToken !== undefined) return undefined;
    if (message.method === 'tools/call') {
      // A name the registry does not run goes to the factory's own tools/call: for an app's server the
      // same unknown-tool answer, slower; for a factory that serves more than the registry, its tools.
      if (typeof params?.name !== 'string' || !registry.has(params.name)) return undefined;
      const args = params.arguments;
      if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args)))
        return undefined;
    }
    const accepts = header(headers.accept) ?? '';
    if (!accepts.includes('application/json') || !accepts.includes('text/event-stream')) return undefined;
    const version = header(headers['mcp-protocol-version']);
    if (version !== undefined && !LEGACY_VERSIONS.has(version)) return undefined;
    // Without `_meta` there is no envelope claim: the SDK's rule routes such a request to plain legacy
    // serving, so its classifier (a measurable share of this path) only runs when `_meta` is present.
    if (params?._meta !== undefined || header(headers['mcp-method']) !== undefined) {
      const route = classifyInboundRequest({
        httpMethod: 'POST',
        ...(version === undefined ? {} : { protocolVersionHeader: version }),
        body,
      });
      if (route.kind !== 'legacy' || route.reason !== 'no-claim') return undefined;
    }
    return message as JSONRPCRequest;
  };

  // A result the registry hands back again (the same answer, validated once) is serialized once: its
  // bytes are kept beside it for as long as the registry keeps it.
  const serialized = new WeakMap<object, Buffer>();
  const bytesOf = (name: string, result: CallToolResult): Buffer => {
    let bytes = serialized.get(result);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(projectResult(projector, registry, name, result)));
      serialized.set(result, bytes);
    }
    return bytes;
  };
  const listBytes = Buffer.from(JSON.stringify(registry.list));

  const handle: FastPath['handle'] = async (request, extra) => {
    if (request.method === 'tools/list') return envelope(request.id, listBytes);
    const params = request.params as CallParams & { name: string };
    const result = await caller.call({
      name: params.name,
      arguments: params.arguments,
      signal: extra.signal,
      ...(extra.authInfo ? { authInfo: extra.authInfo } : {}),
    });
    return envelope(request.id, bytesOf(params.name, result));
  };

  return { accept, handle, close: () => projector.close() };
};
