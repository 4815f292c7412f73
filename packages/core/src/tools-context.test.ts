import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { createServer } from './server.js';
import { type ReplayServer, startReplayServer } from './testing/replay-server.js';
import { startTestServer, type TestServer } from './testing/start.js';
import { defineTool } from './tool.js';
import type { Upstream } from './upstream/types.js';

let registry: ReplayServer;
let server: TestServer;
const made: Upstream[] = [];

/** Two clients of one upstream made through the context, and a tool that calls twice with its budget. */
const probeServer = () =>
  createServer({
    name: 'probe',
    version: '0.0.0',
    tools: (ctx) => {
      const options = { name: 'registry', baseUrl: registry.url, cache: { ttlMs: 60_000 } };
      const [a, b] = [ctx.createUpstream(options), ctx.createUpstream(options)];
      made.push(a, b);
      return [
        defineTool({
          name: 'fetch_twice',
          title: 'Fetch twice',
          description: 'Two distinct upstream calls on the request budget.',
          input: z.object({ key: z.string() }),
          output: z.object({ codes: z.array(z.string()) }),
          handler: async ({ key }, { fetchBudget }) => {
            const answers = await Promise.all(
              ['1', '2'].map((n) => a.json({ path: `/item/${key}-${n}`, budget: fetchBudget })),
            );
            return { codes: answers.map((r) => (r.ok ? 'ok' : r.error.code)) };
          },
        }),
      ];
    },
  });

beforeAll(async () => {
  registry = await startReplayServer([{ path: /^\/item\//, body: { found: true } }]);
  server = await startTestServer(probeServer(), { env: { METRICS_ENABLED: 'true', FETCH_BUDGET: '1' } });
});
afterAll(async () => {
  await server.close();
  await registry.close();
});

describe('ToolsContext.createUpstream', () => {
  it("gives every client the server's store: one client's cached answer serves another", async () => {
    const [a, b] = made;
    registry.reset();
    expect((await a!.json({ path: '/item/shared' })).ok).toBe(true);
    expect(await b!.json({ path: '/item/shared' })).toMatchObject({ ok: true, value: { cached: true } });
    expect(registry.count()).toBe(1);
  });

  it("records into the server's metrics", async () => {
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: server.authorization } });
    expect(await res.text()).toMatch(/mcp_upstream_requests_total\{upstream="registry"\} [1-9]/);
  });

  it("takes the request's fetch budget when a call carries it", async () => {
    registry.reset();
    const res = await server.post({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'fetch_twice', arguments: { key: 'budget' } },
    });
    expect(res.json().result.structuredContent.codes.sort()).toEqual(['ok', 'rate_limited']);
    expect(registry.count()).toBe(1);
  });

  it('closes every client it made when the server shuts down', async () => {
    const other = await startTestServer(probeServer());
    const [a] = made.slice(-2);
    await other.close();
    registry.reset();
    const after = await a!.json({ path: '/item/after-close' });
    expect(after.ok).toBe(false);
    expect(registry.count()).toBe(0);
  });
});
