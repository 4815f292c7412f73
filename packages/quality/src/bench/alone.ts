import { type CannonResult, cannon } from '../support/cannon.js';

/** A 2 s warm-up, then the measured run; any error or non-2xx fails the bench. */
export const measureCall = async (
  label: string,
  options: { url: string; body: string; authorization: string; headers?: Record<string, string> },
  load: { connections: number; seconds: number },
): Promise<CannonResult> => {
  await cannon({ ...options, connections: load.connections, seconds: 2 });
  const r = await cannon({ ...options, ...load });
  if (r.errors > 0 || r.non2xx > 0) throw new Error(`${label}: ${r.errors} errors, ${r.non2xx} non-2xx`);
  return r;
};

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1.0.0' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

/** A 2026-07-28 tools/call as the SDK's client sends it: `_meta` envelope and the standard headers. */
export const modernToolCall = (name: string, args: Record<string, unknown>) => ({
  body: JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { name, arguments: args, _meta: ENVELOPE },
  }),
  headers: { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': name },
});
