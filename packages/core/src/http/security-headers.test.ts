import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../server.js';
import { exampleServer } from '../testing/example-server.js';
import { startTestServer, type TestServer } from '../testing/start.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(exampleServer);
});
afterAll(() => server.close());

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
};

const postAt = (url: string, body: object, authorization: string) =>
  fetch(url, {
    method: 'POST',
    headers: {
      authorization,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-06-18',
    },
    body: JSON.stringify(body),
  });
const mcp = (body: object, authorization = server.authorization) =>
  postAt(server.mcpUrl, body, authorization);

describe('security headers', () => {
  it('an answer the SDK writes itself (initialize) has nosniff and Cache-Control: no-store', async () => {
    const res = await mcp(INITIALIZE);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // An event stream keeps the SDK's no-transform, so that no proxy compresses or buffers it.
    expect(res.headers.get('cache-control')).toMatch(/^no-store(, no-transform)?$/);
  });

  it('a fast-path answer (tools/list) has them too', async () => {
    const res = await mcp({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('a refused /mcp request (401) is not cacheable either', async () => {
    const res = await mcp(INITIALIZE, 'Basic bm9ib2R5Om5vdGhpbmc=');
    expect(res.status).toBe(401);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('the public health answer has nosniff but may be cached', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBeNull();
  });
});

describe('security headers on an extra endpoint (/<name>/mcp)', () => {
  it('answers there are not cacheable either, whoever writes them', async () => {
    const multi = await startTestServer(
      createServer({
        name: 'multi',
        version: '0.0.0',
        tools: () => ({
          tools: [],
          endpoints: [{ path: '/one/mcp', name: 'one', tools: [] }],
        }),
      }),
    );
    try {
      const post = (body: object, authorization = multi.authorization) =>
        postAt(`${multi.url}/one/mcp`, body, authorization);
      for (const res of [
        await post(INITIALIZE),
        await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
        await post(INITIALIZE, 'Basic bm9ib2R5Om5vdGhpbmc='),
      ]) {
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('cache-control')).toMatch(/^no-store(, no-transform)?$/);
      }
    } finally {
      await multi.close();
    }
  });
});
