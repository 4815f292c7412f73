import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { createServer } from '../server.js';
import { startTestServer, type TestServer } from '../testing/start.js';
import { defineTool } from '../tool.js';

// A tool that tries `n` page fetches against its context's budget and reports how many it was granted.
const spend = defineTool({
  name: 'spend',
  title: 'Spend fetches',
  description: 'Takes n fetches from the request budget.',
  input: z.object({ n: z.number().int().min(0).max(1000) }),
  output: z.object({ granted: z.number().int(), limit: z.number().int() }),
  async handler({ n }, { fetchBudget }) {
    let granted = 0;
    for (let i = 0; i < n; i += 1) if (fetchBudget.take()) granted += 1;
    return { granted, limit: fetchBudget.limit };
  },
});

const budgetServer = createServer({ name: 'budget-test', version: '1.0.0', tools: [spend] });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(budgetServer, { env: { FETCH_BUDGET: '5' } });
});
afterAll(() => server.close());

const call = (id: number, n: number) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name: 'spend', arguments: { n } },
});

const granted = (message: { result: { structuredContent: { granted: number } } }) =>
  message.result.structuredContent.granted;

describe('FETCH_BUDGET: outbound fetches per HTTP request to /mcp', () => {
  it('gives each tool call the configured budget and stops granting past it', async () => {
    const res = await server.post(call(1, 8));
    expect(res.json().result.structuredContent).toEqual({ granted: 5, limit: 5 });
  });

  it('gives every new HTTP request a fresh budget', async () => {
    for (const id of [2, 3]) expect(granted((await server.post(call(id, 4))).json())).toBe(4);
  });

  it('shares one budget between the calls of one request (a legacy JSON-RPC batch)', async () => {
    const res = await server.post([call(4, 4), call(5, 4)], { 'mcp-protocol-version': '2025-03-26' });
    // The SDK answers a batch as an SSE stream, one `data:` line per JSON-RPC response.
    const answers = res.body
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as { result: { structuredContent: { granted: number } } });
    expect(answers).toHaveLength(2);
    expect(answers.map(granted).reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('refuses a FETCH_BUDGET or FETCH_CONCURRENCY that is not a positive integer at start-up', async () => {
    await expect(startTestServer(budgetServer, { env: { FETCH_BUDGET: '0' } })).rejects.toThrow(
      /FETCH_BUDGET/,
    );
    await expect(startTestServer(budgetServer, { env: { FETCH_CONCURRENCY: 'many' } })).rejects.toThrow(
      /FETCH_CONCURRENCY/,
    );
  });
});
