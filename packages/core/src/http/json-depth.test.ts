import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleServer } from '../testing/example-server.js';
import { startTestServer, type TestServer } from '../testing/start.js';
import { exceedsDepth, MAX_JSON_DEPTH } from './json-depth.js';

const nestedArrays = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;

describe('exceedsDepth', () => {
  it('accepts scalars, flat and moderately nested values', () => {
    expect(exceedsDepth('text')).toBe(false);
    expect(exceedsDepth(null)).toBe(false);
    expect(exceedsDepth({ a: [1, { b: 2 }] })).toBe(false);
    expect(exceedsDepth(nestedArrays(MAX_JSON_DEPTH))).toBe(false);
  });

  it('flags one level past the limit, in arrays and in objects', () => {
    expect(exceedsDepth(nestedArrays(MAX_JSON_DEPTH + 1))).toBe(true);
    const deepObject = JSON.parse(`${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`);
    expect(exceedsDepth(deepObject)).toBe(true);
  });
});

describe('/mcp with a deeply nested body (found by the quality fuzzer)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(exampleServer);
  });
  afterAll(() => server.close());

  const post = (body: string, headers?: Record<string, string>) => server.post(body, headers);

  it('answers 400 -32600 to arrays nested 10,000 deep instead of a 500', async () => {
    const res = await post('['.repeat(10_000) + ']'.repeat(10_000));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32600 }, id: null });
  });

  it('answers 400 to tool arguments nested 10,000 deep on the SDK path (progress token)', async () => {
    const args = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const res = await post(
      `{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"_meta":{"progressToken":1},"name":"echo","arguments":${args}}}`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/nested/);
  });

  it('still serves an ordinary call', async () => {
    const res = await post(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'echo', arguments: { text: 'hi' } },
      }),
      { 'mcp-protocol-version': '2025-06-18' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().result.structuredContent).toEqual({ text: 'hi', length: 2 });
  });
});
