import { type CannonResult, cannon } from '../support/cannon.js';
import { rest } from '../support/rest.js';
import type { AloneApp } from '../support/spawn-alone.js';

/** Any error or non-2xx fails the bench: a figure measured on failing answers means nothing. */
const clean = (label: string, r: CannonResult): CannonResult => {
  if (r.errors > 0 || r.non2xx > 0) throw new Error(`${label}: ${r.errors} errors, ${r.non2xx} non-2xx`);
  return r;
};

/** A 2 s warm-up, then the measured run. */
export const measureCall = async (
  label: string,
  options: { url: string; body: string; authorization: string; headers?: Record<string, string> },
  load: { connections: number; seconds: number },
): Promise<CannonResult> => {
  await cannon({ ...options, connections: load.connections, seconds: 2 });
  return clean(label, await cannon({ ...options, ...load }));
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

/**
 * test:load's shape on one app: a burst of calls over many connections, a soak, then a rest; the RSS
 * read after the rest (no forced GC: what a container shows) is what the app keeps of the load.
 */
export const loadThenRest = async (
  app: AloneApp,
  body: string,
  load: {
    requests: number;
    connections: number;
    soakSeconds: number;
    soakConnections: number;
    restSeconds: number;
  },
): Promise<{ loadedRssMb: number; restedRssMb: number; label: string }> => {
  const target = { url: app.proc.mcpUrl, body, authorization: app.proc.authorization };
  clean('load burst', await cannon({ ...target, connections: load.connections, amount: load.requests }));
  clean('soak', await cannon({ ...target, connections: load.soakConnections, seconds: load.soakSeconds }));
  const loadedRssMb = app.proc.rssMb();
  await rest(load.restSeconds * 1000);
  return {
    loadedRssMb,
    restedRssMb: app.proc.rssMb(),
    label: `${load.requests.toLocaleString('en')} calls × ${load.connections} connections, a ${load.soakSeconds} s soak at ${load.soakConnections}, ${load.restSeconds} s at rest`,
  };
};
