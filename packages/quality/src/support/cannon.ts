import autocannon from 'autocannon';

export interface CannonResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** One bounded autocannon run of a JSON-RPC POST on loopback (by duration or by request count). */
export const cannon = async (options: {
  url: string;
  body: string;
  authorization?: string;
  connections: number;
  seconds?: number;
  amount?: number;
  /** Replace or add request headers (a 2026-07-28 request's own). */
  headers?: Record<string, string>;
}): Promise<CannonResult> => {
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 5 }),
    timeout: 30,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-06-18',
      ...(options.authorization ? { authorization: options.authorization } : {}),
      ...options.headers,
    },
    body: options.body,
  });
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
};

export const toolCallBody = (name: string, args: Record<string, unknown>) =>
  JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } });
