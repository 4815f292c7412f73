import { createMcpHandler, type JSONRPCRequest } from '@modelcontextprotocol/server';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleServer } from '../testing/example-server.js';
import { startTestServer, type TestServer } from '../testing/start.js';
import { toolErrorOf } from '../testing/tool-error.js';
import { createToolRegistry } from '../tool-registry.js';
import { createFastPath, type FastPath } from './fast-path.js';
import { createProtocolServerFactory, createToolCaller } from './protocol-server.js';

const VERSION = '2026-07-28';
const envelope = {
  'io.modelcontextprotocol/protocolVersion': VERSION,
  'io.modelcontextprotocol/clientInfo': { name: 'modern-test', version: '1.0.0' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

/** A 2026-07-28 request and the headers the SDK's client sends with it. */
const modern = (id: number, method: string, params: Record<string, unknown> = {}) => {
  const body = { jsonrpc: '2.0' as const, id, method, params: { ...params, _meta: envelope } };
  const headers: Record<string, string> = {
    accept: 'application/json, text/event-stream',
    'content-type': 'application/json',
    'mcp-protocol-version': VERSION,
    'mcp-method': method,
    ...(typeof params.name === 'string' ? { 'mcp-name': params.name } : {}),
  };
  return { body, headers };
};

describe('JSON fast path for 2026-07-28 tools/call and tools/list', () => {
  const caller = createToolCaller({
    registry: createToolRegistry(exampleServer.tools as never),
    log: pino({ level: 'silent' }),
  });
  const factory = createProtocolServerFactory(
    { name: 'example', version: '0.0.1', instructions: 'Test server.' },
    caller,
  );
  const sdk = createMcpHandler(factory);
  let fast: FastPath;
  beforeAll(async () => {
    fast = await createFastPath({ factory, caller });
  });
  afterAll(async () => {
    await fast.close();
    await sdk.close();
  });

  /** The SDK handler's answer and the fast path's, for the same request. */
  const both = async (request: ReturnType<typeof modern>) => {
    const res = await sdk.fetch(
      new Request('http://127.0.0.1/mcp', {
        method: 'POST',
        headers: request.headers,
        body: JSON.stringify(request.body),
      }),
    );
    const accepted = fast.accept(request.headers, request.body);
    const fastBody = accepted
      ? (await fast.handle(accepted, { signal: new AbortController().signal })).toString()
      : undefined;
    return { status: res.status, type: res.headers.get('content-type'), sdkBody: await res.text(), fastBody };
  };

  it.each([
    ['tools/list', modern(1, 'tools/list')],
    ['tools/call, success', modern(2, 'tools/call', { name: 'echo', arguments: { text: 'même réponse' } })],
    ['tools/call, tool error', modern(3, 'tools/call', { name: 'lookup', arguments: { key: 'missing' } })],
    ['tools/call, invalid arguments', modern(4, 'tools/call', { name: 'lookup', arguments: { key: 'ABC' } })],
  ])('answers %s with the very bytes the SDK handler sends (200, application/json)', async (_, request) => {
    const { status, type, sdkBody, fastBody } = await both(request);
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    expect(fastBody).toBe(sdkBody);
    expect(JSON.parse(sdkBody).result.resultType).toBe('complete');
  });

  it('the answers carry the modern stamps: serverInfo in _meta, cache fields on tools/list', async () => {
    const list = JSON.parse((await both(modern(5, 'tools/list'))).fastBody!);
    expect(list.result).toMatchObject({
      ttlMs: 0,
      cacheScope: 'private',
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'example', version: '0.0.1' } },
    });
    const call = modern(6, 'tools/call', { name: 'lookup', arguments: { key: 'ABC' } });
    const answer = JSON.parse((await both(call)).fastBody!);
    expect(toolErrorOf(answer.result)).toMatchObject({ code: 'invalid_input', details: { fields: ['key'] } });
  });

  it('leaves what the SDK answers otherwise to the SDK: unknown tool, discover, bad or missing headers', () => {
    const reject = (request: { body: object; headers: Record<string, string> }) =>
      expect(fast.accept(request.headers, request.body)).toBeUndefined();
    reject(modern(7, 'tools/call', { name: 'no_such_tool', arguments: {} }));
    reject(modern(8, 'server/discover'));
    const call = modern(9, 'tools/call', { name: 'echo', arguments: { text: 'x' } });
    const without = (name: string) => {
      const { [name]: _dropped, ...rest } = call.headers;
      return { body: call.body, headers: rest };
    };
    reject(without('mcp-name'));
    reject(without('mcp-method'));
    reject(without('mcp-protocol-version'));
    reject({ body: call.body, headers: { ...call.headers, 'mcp-name': 'lookup' } });
    reject({ body: call.body, headers: { ...call.headers, 'mcp-method': 'tools/list' } });
    reject({ body: call.body, headers: { ...call.headers, 'mcp-protocol-version': '2025-06-18' } });
    reject({
      body: { ...call.body, params: { ...call.body.params, _meta: { ...envelope, progressToken: 1 } } },
      headers: call.headers,
    });
    const unknownRevision = { ...envelope, 'io.modelcontextprotocol/protocolVersion': '2099-01-01' };
    reject({
      body: { ...call.body, params: { ...call.body.params, _meta: unknownRevision } },
      headers: { ...call.headers, 'mcp-protocol-version': '2099-01-01' },
    });
    // The same request with every header right is taken.
    expect(fast.accept(call.headers, call.body)).toEqual({
      message: call.body as JSONRPCRequest,
      modern: true,
    });
  });

  it('the SDK itself answers the header failures the fast path declines (400, -32020)', async () => {
    const call = modern(10, 'tools/call', { name: 'echo', arguments: { text: 'x' } });
    for (const headers of [
      { ...call.headers, 'mcp-name': 'lookup' },
      { ...call.headers, 'mcp-method': 'tools/list' },
    ]) {
      const { status, sdkBody, fastBody } = await both({ body: call.body, headers });
      expect(fastBody).toBeUndefined();
      expect(status).toBe(400);
      expect(JSON.parse(sdkBody).error.code).toBe(-32020);
    }
  });
});

describe('a 2026-07-28 client of the SDK against /mcp', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(exampleServer);
  });
  afterAll(() => server.close());

  it('discovers, lists and calls tools, answered by the fast path as by the SDK', async () => {
    const client = await server.connect('modern');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['echo', 'lookup', 'slow', 'boom']);
    const result = await client.callTool({ name: 'echo', arguments: { text: 'moderne' } });
    expect(result.structuredContent).toEqual({ text: 'moderne', length: 7 });
    const failed = await client.callTool({ name: 'lookup', arguments: { key: 'missing' } });
    expect(toolErrorOf(failed)).toMatchObject({ code: 'not_found' });
  });

  it('over HTTP, a modern tools/call is answered 200 JSON with the security headers', async () => {
    const { body, headers } = modern(11, 'tools/call', { name: 'echo', arguments: { text: 'x' } });
    const res = await server.post(body, headers);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ id: 11, result: { structuredContent: { text: 'x', length: 1 } } });
  });
});
