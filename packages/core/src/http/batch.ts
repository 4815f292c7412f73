import type { IncomingHttpHeaders } from 'node:http';

/** The protocol revision that removed JSON-RPC batches; this server and later revisions refuse them. */
export const NO_BATCH_FROM = '2025-06-18';
/** Older clients may still batch, within these bounds: one POST must not fan out into a flood of work. */
export const MAX_BATCH_MESSAGES = 10;
export const MAX_BATCH_TOOL_CALLS = 2;

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const declaredVersions = (headers: IncomingHttpHeaders, batch: readonly unknown[]): string[] => {
  const versions: string[] = [];
  const header = headerValue(headers['mcp-protocol-version']);
  if (header) versions.push(header);
  for (const message of batch) {
    const m = message as { method?: unknown; params?: { protocolVersion?: unknown } } | null;
    if (m?.method === 'initialize' && typeof m.params?.protocolVersion === 'string')
      versions.push(m.params.protocolVersion);
  }
  return versions;
};

/**
 * Why a JSON-RPC batch must be refused, or undefined when the body is not a batch or the batch is
 * allowed. Protocol versions are ISO dates, so plain string comparison orders them.
 */
export const batchRefusal = (headers: IncomingHttpHeaders, body: unknown): string | undefined => {
  if (!Array.isArray(body)) return undefined;
  if (declaredVersions(headers, body).some((v) => v >= NO_BATCH_FROM))
    return `Invalid Request: JSON-RPC batches are not part of MCP ${NO_BATCH_FROM} and later; send one message per request.`;
  if (body.length > MAX_BATCH_MESSAGES)
    return `Invalid Request: a batch may hold at most ${MAX_BATCH_MESSAGES} messages.`;
  const calls = body.filter((m) => (m as { method?: unknown } | null)?.method === 'tools/call').length;
  if (calls > MAX_BATCH_TOOL_CALLS)
    return `Invalid Request: a batch may hold at most ${MAX_BATCH_TOOL_CALLS} tools/call.`;
  return undefined;
};
