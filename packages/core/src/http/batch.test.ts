import { afterEach, describe, expect, it } from 'vitest';
import { exampleServer } from '../testing/example-server.js';
import { startTestServer, type TestServer } from '../testing/start.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const call = (id: number) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name: 'echo', arguments: { text: `hi ${id}` } },
});
const list = (id: number) => ({ jsonrpc: '2.0', id, method: 'tools/list' });
const initialize = (id: number, protocolVersion: string) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion, capabilities: {}, clientInfo: { name: 't', version: '1' } },
});

const expectRefused = (res: Awaited<ReturnType<TestServer['post']>>, pattern: RegExp) => {
  expect(res.statusCode).toBe(400);
  const body = res.json();
  expect(body).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32600 } });
  expect(body.error.message).toMatch(pattern);
};

describe('JSON-RPC batches on /mcp', () => {
  it('refuses any batch under MCP-Protocol-Version 2025-06-18 or later with a 400 JSON-RPC error', async () => {
    server = await startTestServer(exampleServer);
    for (const version of ['2025-06-18', '2025-11-25']) {
      const res = await server.post([call(1), call(2)], { 'mcp-protocol-version': version });
      expectRefused(res, /batch/i);
    }
  });

  it('refuses a batch whose own initialize declares 2025-06-18, even with no version header', async () => {
    server = await startTestServer(exampleServer);
    const res = await server.inject({
      method: 'POST',
      url: '/mcp',
      headers: {
        authorization: server.authorization,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      payload: JSON.stringify([initialize(1, '2025-06-18'), list(2)]),
    });
    expectRefused(res, /batch/i);
  });

  it('under an older version, serves a batch of at most 10 messages with at most 2 tools/call', async () => {
    server = await startTestServer(exampleServer);
    const ok = await server.post([call(1), call(2), ...[3, 4, 5, 6, 7, 8, 9, 10].map(list)], {
      'mcp-protocol-version': '2025-03-26',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('hi 1');
    expect(ok.body).toContain('hi 2');
  });

  it('under an older version, refuses 11 messages, and 3 tools/call', async () => {
    server = await startTestServer(exampleServer);
    const legacy = { 'mcp-protocol-version': '2025-03-26' };
    expectRefused(await server.post([...Array(11).keys()].map(list), legacy), /10 messages/);
    expectRefused(await server.post([call(1), call(2), call(3)], legacy), /2 tools\/call/);
  });
});
