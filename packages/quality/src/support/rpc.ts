import type { AppProcess } from './spawn-app.js';

export interface RpcAnswer {
  result?: { isError?: boolean; structuredContent?: Record<string, unknown>; tools?: unknown[] };
  error?: { code: number; message: string };
}

/** One JSON-RPC POST to an app process (2025 header: the JSON fast path). */
export const rpc = async (app: AppProcess, method: string, params?: object): Promise<RpcAnswer> => {
  const res = await fetch(app.mcpUrl, {
    method: 'POST',
    headers: {
      authorization: app.authorization,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-06-18',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, ...(params ? { params } : {}) }),
  });
  return (await res.json()) as RpcAnswer;
};
