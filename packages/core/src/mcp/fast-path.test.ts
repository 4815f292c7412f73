import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleServer } from '../testing/example-server.js';
import { startTestServer, type TestServer } from '../testing/start.js';
import { toolErrorOf } from '../testing/tool-error.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(exampleServer);
});
afterAll(() => server.close());

const post = (body: object, headers?: Record<string, string>) => server.post(body, headers);

/** The SDK answers over SSE: read the one `data:` line. */
const sseData = (body: string) => JSON.parse(/^data: (.*)$/m.exec(body)![1]!);

describe('JSON fast path for 2025-era tools/call and tools/list', () => {
  it('answers tools/call as plain JSON, identical to what the SDK streams for the same call', async () => {
    const call = { name: 'echo', arguments: { text: 'même réponse' } };
    const fast = await post({ jsonrpc: '2.0', id: 'a-1', method: 'tools/call', params: call });
    expect(fast.headers['content-type']).toMatch(/^application\/json/);
    // A progress token sends the request through the SDK's own handler, which streams.
    const sdk = await post({
      jsonrpc: '2.0',
      id: 'a-1',
      method: 'tools/call',
      params: { ...call, _meta: { progressToken: 1 } },
    });
    expect(sdk.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(fast.json()).toEqual(sseData(sdk.body));
  });

  it('answers a tool failure like the SDK path: one JSON text item, no structuredContent', async () => {
    const call = { name: 'lookup', arguments: { key: 'missing' } };
    const fast = await post({ jsonrpc: '2.0', id: 'e-1', method: 'tools/call', params: call });
    expect(fast.headers['content-type']).toMatch(/^application\/json/);
    const sdk = await post({
      jsonrpc: '2.0',
      id: 'e-1',
      method: 'tools/call',
      params: { ...call, _meta: { progressToken: 2 } },
    });
    expect(fast.json()).toEqual(sseData(sdk.body));
    expect(fast.json().result.structuredContent).toBeUndefined();
    expect(toolErrorOf(fast.json().result)).toEqual({
      code: 'not_found',
      message: 'No value for "missing".',
      details: { key: 'missing' },
    });
  });

  it('answers invalid arguments on the fast path with invalid_input and details.fields', async () => {
    const fast = await post({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { name: 'lookup', arguments: { key: 'ABC' } },
    });
    expect(fast.headers['content-type']).toMatch(/^application\/json/);
    expect(toolErrorOf(fast.json().result)).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['key'] },
    });
  });

  it('leaves a name the registry does not run to the SDK handler, which answers it as an unknown tool', async () => {
    const res = await post({
      jsonrpc: '2.0',
      id: 9,
      method: 'tools/call',
      params: { name: 'no_such_tool', arguments: {} },
    });
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(toolErrorOf(sseData(res.body).result)).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['name'] },
    });
  });

  it('answers tools/list as JSON with the same tools as the SDK path', async () => {
    const fast = await post({ jsonrpc: '2.0', id: 3, method: 'tools/list' });
    expect(fast.headers['content-type']).toMatch(/^application\/json/);
    expect(fast.json().result.tools.map((t: { name: string }) => t.name)).toEqual([
      'echo',
      'lookup',
      'slow',
      'boom',
    ]);
  });

  it('keeps each caller’s JSON-RPC id, even when concurrent callers reuse the same id', async () => {
    const answers = await Promise.all(
      ['un', 'deux', 'trois'].map((text) =>
        post({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { text } } }),
      ),
    );
    expect(answers.map((a) => [a.json().id, a.json().result.structuredContent.text])).toEqual([
      [1, 'un'],
      [1, 'deux'],
      [1, 'trois'],
    ]);
  });

  it('leaves an unsupported protocol version header to the SDK, which rejects it', async () => {
    const res = await post(
      { jsonrpc: '2.0', id: 4, method: 'tools/list' },
      { 'mcp-protocol-version': '1999-01-01' },
    );
    expect(res.statusCode).toBe(400);
  });

  it('leaves a request without the required Accept to the SDK, which answers 406', async () => {
    const res = await post({ jsonrpc: '2.0', id: 5, method: 'tools/list' }, { accept: 'application/json' });
    expect(res.statusCode).toBe(406);
  });

  it('leaves a request that is not JSON-RPC 2.0 (no version, no id) to the SDK, which rejects it', async () => {
    for (const body of [
      { id: 8, method: 'tools/list' },
      { jsonrpc: '2.0', method: 'tools/list', id: null },
    ]) {
      const res = await post(body);
      expect(res.statusCode).toBeGreaterThanOrEqual(200);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.body).not.toContain('"tools":[');
    }
  });

  it('leaves malformed tools/call params to the SDK: a JSON-RPC invalid-params error, not a crash', async () => {
    const res = await post({ jsonrpc: '2.0', id: 6, method: 'tools/call', params: { name: 42 } });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).toContain('-32602');
  });
});
