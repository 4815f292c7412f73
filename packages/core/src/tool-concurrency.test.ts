import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { createServer } from './server.js';
import { exampleEntry, tsxNodeArgs } from './testing/process.js';
import { startTestServer, type TestServer } from './testing/start.js';
import { defineTool } from './tool.js';

/** The tool error of a result, whichever shape carries it (structuredContent, or JSON in the text item). */
const toolErrorOf = (result: CallToolResult): { code?: string; details?: Record<string, unknown> } => {
  const structured = (result.structuredContent as { error?: object } | undefined)?.error;
  if (structured) return structured;
  const text = result.content.find((c) => c.type === 'text')?.text ?? '{}';
  const parsed = JSON.parse(text) as { error?: object };
  return (parsed.error ?? parsed) as { code?: string };
};

/** A tool that holds its slot until the test opens the gate, and records how many ran at once. */
const gated = () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const state = { active: 0, max: 0, open };
  const hold = defineTool({
    name: 'hold',
    title: 'Hold',
    description: 'Waits for the gate.',
    input: z.object({}),
    output: z.object({ ok: z.boolean() }),
    handler: async () => {
      state.active += 1;
      state.max = Math.max(state.max, state.active);
      await gate;
      state.active -= 1;
      return { ok: true };
    },
  });
  return { state, definition: createServer({ name: 'gated', version: '0.0.1', tools: [hold] }) };
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
};

const fastCall = (id: number) =>
  server!.post({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'hold', arguments: {} } });
// A progress token sends the call through the SDK's handler (SSE) instead of the fast path.
const sdkCall = (id: number) =>
  server!.post({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name: 'hold', arguments: {}, _meta: { progressToken: `p${id}` } },
  });

const resultOf = (body: string): CallToolResult => {
  const json = body.startsWith('{')
    ? body
    : (body.split('\n').find((l) => l.startsWith('data: ')) ?? '').slice(6);
  return (JSON.parse(json) as { result: CallToolResult }).result;
};

describe('TOOL_CONCURRENCY: a per-process cap on running tools/call', () => {
  it('runs at most TOOL_CONCURRENCY calls across the fast path and the SDK path, queues a few, refuses the rest', async () => {
    const { state, definition } = gated();
    server = await startTestServer(definition, {
      env: { TOOL_CONCURRENCY: '2', TOOL_QUEUE: '1', TOOL_QUEUE_WAIT_MS: '30000' },
    });
    const pending = [fastCall(1), sdkCall(2), fastCall(3), sdkCall(4)];
    await until(() => state.active === 2);
    // One is queued, one is refused at once (the queue is full): it answers while the others wait.
    const first = await Promise.race(pending.map((p, i) => p.then((r) => ({ r, i }))));
    const refused = resultOf(first.r.body);
    expect(refused.isError).toBe(true);
    expect(toolErrorOf(refused)).toMatchObject({
      code: 'rate_limited',
      details: { retry_after_s: expect.any(Number) },
    });
    expect(toolErrorOf(refused).details?.retry_after_s).toBeGreaterThanOrEqual(1);
    state.open();
    const all = await Promise.all(pending);
    const outcomes = all.map((r) => resultOf(r.body).isError === true);
    expect(outcomes.filter((e) => !e)).toHaveLength(3);
    expect(state.max).toBe(2);
  });

  it('a queued call that waits longer than TOOL_QUEUE_WAIT_MS answers rate_limited', async () => {
    const { state, definition } = gated();
    server = await startTestServer(definition, {
      env: { TOOL_CONCURRENCY: '1', TOOL_QUEUE: '5', TOOL_QUEUE_WAIT_MS: '50' },
    });
    const running = fastCall(1);
    await until(() => state.active === 1);
    const queued = resultOf((await fastCall(2)).body);
    expect(toolErrorOf(queued).code).toBe('rate_limited');
    state.open();
    expect(resultOf((await running).body).isError).toBeFalsy();
  });
});

describe('TOOL_CONCURRENCY over stdio', { timeout: 30_000 }, () => {
  it('caps the calls of a stdio client too', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: tsxNodeArgs(exampleEntry, ['--stdio']),
      env: { PATH: process.env.PATH ?? '', TOOL_CONCURRENCY: '1', TOOL_QUEUE: '0', LOG_LEVEL: 'silent' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'stdio-limit-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const slow = { name: 'slow', arguments: { steps: 1, step_ms: 1000 } };
      const results = (await Promise.all([client.callTool(slow), client.callTool(slow)])) as CallToolResult[];
      const codes = results.map((r) => (r.isError ? toolErrorOf(r).code : 'ok')).sort();
      expect(codes).toEqual(['ok', 'rate_limited']);
    } finally {
      await client.close();
    }
  });
});
