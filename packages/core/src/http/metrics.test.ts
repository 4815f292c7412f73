import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleServer } from '../testing/example-server.js';
import { startTestServer, type TestServer } from '../testing/start.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(exampleServer, { env: { METRICS_ENABLED: 'true' } });
});
afterAll(() => server.close());

describe('GET /metrics', () => {
  it('is behind the same auth as /mcp', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
  });

  it('counts HTTP answers by status and tool calls by tool and outcome, in Prometheus text', async () => {
    const client = await server.connect('legacy');
    await client.callTool({ name: 'echo', arguments: { text: 'x' } });
    await client.callTool({ name: 'lookup', arguments: { key: 'nothing' } });
    await fetch(`${server.url}/mcp`, { method: 'DELETE', headers: { authorization: server.authorization } });
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: server.authorization } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/mcp_tool_calls_total\{tool="echo",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/mcp_tool_calls_total\{tool="lookup",outcome="not_found"\} [1-9]/);
    expect(text).toMatch(/mcp_http_requests_total\{status="200"\} [1-9]/);
    expect(text).toMatch(/mcp_http_requests_total\{status="405"\} [1-9]/);
  });
});

describe('unknown tool names in metrics', () => {
  it('counts every unknown name under one label, so a client cannot grow the label set', async () => {
    for (const name of ['nope_1', 'nope_2', 'x'.repeat(300)])
      await server.post({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: {} } });
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: server.authorization } });
    const text = await res.text();
    expect(text).not.toContain('nope_1');
    expect(text).not.toContain('xxxxxxxx');
    expect(text).toMatch(/mcp_tool_calls_total\{tool="\(unknown\)",outcome="invalid_input"\} 3/);
  });
});

describe('without METRICS_ENABLED', () => {
  it('has no /metrics route', async () => {
    const plain = await startTestServer(exampleServer);
    const res = await fetch(`${plain.url}/metrics`, { headers: { authorization: plain.authorization } });
    expect(res.status).toBe(404);
    await plain.close();
  });
});
