import type { IncomingHttpHeaders } from 'node:http';
import {
  type AuthInfo,
  type CallToolResult,
  classifyInboundRequest,
  type JSONRPCRequest,
  type McpServerFactory,
  PROTOCOL_VERSION_META_KEY,
  type Server,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@modelcontextprotocol/server';
import { encodeModernResult, MODERN_VERSIONS } from './modern-result.js';
import { factoryIdentity, projectResult, type ToolCaller } from './protocol-server.js';

const FAST_METHODS = new Set(['tools/call', 'tools/list']);
const LEGACY_VERSIONS = new Set(SUPPORTED_PROTOCOL_VERSIONS.filter((v) => v < '2026'));

/** Distinct (method, headers, envelope) verdicts kept; clients send a handful. */
const MAX_VERDICTS = 256;

type CallParams = { name?: unknown; arguments?: unknown; _meta?: Record<string, unknown> };

/** A request this path answers, and the era whose answer it gets. */
export interface FastRequest {
  message: JSONRPCRequest;
  /** A 2026-07-28 request (per-request `_meta` envelope), answered as the SDK's modern path does. */
  modern: boolean;
}

export interface FastPath {
  /** The request if this path answers it exactly as the SDK's handler would; else undefined. */
  accept: (headers: IncomingHttpHeaders, body: unknown) => FastRequest | undefined;
  /**
   * The JSON-RPC response for an accepted request, serialized. Text, not bytes: Node writes a string
   * body in one write with the headers, a Buffer in a second chunk (writev, two segments on loopback).
   */
  handle: (request: FastRequest, extra: { signal: AbortSignal; authInfo?: AuthInfo }) => Promise<string>;
  close: () => Promise<void>;
}

/** `{"jsonrpc":"2.0","id":…,"result":…}`: the text JSON.stringify gives, around a serialized result. */
const envelope = (id: JSONRPCRequest['id'], result: string): string =>
  `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${result}}`;

/** The SDK's modern path writes the result first: `{"result":…,"jsonrpc":"2.0","id":…}`. */
const modernEnvelope = (id: JSONRPCRequest['id'], result: string): string =>
  `{"result":${result},"jsonrpc":"2.0","id":${JSON.stringify(id)}}`;

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The hot path of `/mcp`: `tools/call` and `tools/list` — what agents send all day — answered as plain
 * JSON straight from the registry: no per-request server, transport, Web Request/Response or SSE
 * stream (the SDK's stateless pattern costs ~15× raw Fastify). Both eras: 2025-era requests get the
 * legacy answer (results projected through the SDK's `projectCallToolResult`), 2026-07-28 requests the
 * modern one (`encodeModernResult`). The SDK's own classifier decides the era; anything it would not
 * serve plainly, anything that wants streaming (a progress token), and any header the SDK would reject
 * go to the SDK handler unchanged, so every protocol error stays the SDK's.
 */
export const createFastPath = async (options: {
  factory: McpServerFactory;
  caller: ToolCaller;
}): Promise<FastPath> => {
  const { caller } = options;
  const { registry } = caller;
  const projector = (await options.factory({ era: 'legacy' })) as Server;
  const serverInfo = factoryIdentity(options.factory);

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
    const mcpMethod = header(headers['mcp-method']);
    const meta = params?._meta;
    if (
      (meta !== undefined && PROTOCOL_VERSION_META_KEY in meta) ||
      (version && MODERN_VERSIONS.has(version))
    ) {
      return acceptModern(headers, body, message as JSONRPCRequest, version, mcpMethod);
    }
    if (version !== undefined && !LEGACY_VERSIONS.has(version)) return undefined;
    // Without `_meta` there is no envelope claim: the SDK's rule routes such a request to plain legacy
    // serving, so its classifier (a measurable share of this path) only runs when `_meta` is present.
    if (meta !== undefined || mcpMethod !== undefined) {
      const route = classifyInboundRequest({
        httpMethod: 'POST',
        ...(version === undefined ? {} : { protocolVersionHeader: version }),
        body,
      });
      if (route.kind !== 'legacy' || route.reason !== 'no-claim') return undefined;
    }
    return { message: message as JSONRPCRequest, modern: false };
  };

  /**
   * A 2026-07-28 request, taken only when every rung of the SDK's ladder would pass it: its classifier
   * routes it modern (envelope valid, `MCP-Protocol-Version` and `Mcp-Method` agreeing with the body),
   * the revision is one the handler serves, and its standard-header rung would pass (both headers
   * present; for tools/call `Mcp-Name` present and exactly the tool's name, no encoded form). No client
   * capability is required for tools/*, and this server's factory serves a low-level `Server`, so the
   * SDK's McpServer-only rungs (`Mcp-Param-*` headers, scope challenges) do not apply. Anything else —
   * `server/discover` included — is the SDK's to answer.
   */
  const acceptModern = (
    headers: IncomingHttpHeaders,
    body: unknown,
    message: JSONRPCRequest,
    version: string | undefined,
    mcpMethod: string | undefined,
  ): FastRequest | undefined => {
    if (!serverInfo || version === undefined || mcpMethod === undefined) return undefined;
    const mcpName = header(headers['mcp-name']);
    if (message.method === 'tools/call' && mcpName !== (message.params as CallParams).name) return undefined;
    // For a well-formed request (checked above) the classifier's answer depends only on the method, the
    // two headers and `_meta`; a client sends the same envelope on every call, and validating it (zod)
    // was the largest cost of this path, so its verdict is kept per distinct combination.
    const key = `${message.method}\n${version}\n${mcpMethod}\n${JSON.stringify(message.params?._meta)}`;
    let taken = verdicts.get(key);
    if (taken === undefined) {
      const route = classifyInboundRequest({
        httpMethod: 'POST',
        protocolVersionHeader: version,
        mcpMethodHeader: mcpMethod,
        ...(mcpName === undefined ? {} : { mcpNameHeader: mcpName }),
        body,
      });
      const revision = route.kind === 'modern' ? route.classification.revision : undefined;
      taken =
        route.kind === 'modern' &&
        route.messageKind === 'request' &&
        revision !== undefined &&
        MODERN_VERSIONS.has(revision);
      if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
      verdicts.set(key, taken);
    }
    return taken ? { message, modern: true } : undefined;
  };
  const verdicts = new Map<string, boolean>();

  // A result the registry hands back again (the same answer, validated once) is serialized once per
  // era: its JSON text is kept beside it for as long as the registry keeps it.
  const legacyText = new WeakMap<object, string>();
  const modernText = new WeakMap<object, string>();
  const textOf = (name: string, result: CallToolResult, modern: boolean): string => {
    const kept = modern ? modernText : legacyText;
    let text = kept.get(result);
    if (!text) {
      // The modern codec projects a result by adding a text item for a non-object structuredContent
      // only; the registry's results always carry an object and its text, so they go out as they are.
      const wire =
        modern && serverInfo
          ? encodeModernResult('tools/call', result, serverInfo)
          : projectResult(projector, registry, name, result);
      text = JSON.stringify(wire);
      kept.set(result, text);
    }
    return text;
  };
  const listText = JSON.stringify(registry.list);
  const modernListText = serverInfo
    ? JSON.stringify(encodeModernResult('tools/list', { ...registry.list }, serverInfo))
    : listText;

  const handle: FastPath['handle'] = async ({ message, modern }, extra) => {
    const wrap = modern ? modernEnvelope : envelope;
    if (message.method === 'tools/list') return wrap(message.id, modern ? modernListText : listText);
    const params = message.params as CallParams & { name: string };
    const result = await caller.call({
      name: params.name,
      arguments: params.arguments,
      signal: extra.signal,
      ...(extra.authInfo ? { authInfo: extra.authInfo } : {}),
    });
    return wrap(message.id, textOf(params.name, result, modern));
  };

  return { accept, handle, close: () => projector.close() };
};
