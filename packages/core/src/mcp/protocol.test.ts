import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleServer } from '../testing/example-server.js';
import { type ProtocolMode, startTestServer, type TestServer } from '../testing/start.js';

let server: TestServer;
const clients = {} as Record<ProtocolMode, Client>;
beforeAll(async () => {
  server = await startTestServer(exampleServer);
  clients.legacy = await server.connect('legacy');
  clients.modern = await server.connect('modern');
});
afterAll(() => server.close());

describe.each(['legacy', 'modern'] as const)('MCP over Streamable HTTP with a %s client', (mode) => {
  it('negotiates the expected protocol era', () => {
    expect(clients[mode].getProtocolEra()).toBe(mode);
  });

  it('lists the tools with JSON Schemas for input and output', async () => {
    const { tools } = await clients[mode].listTools();
    expect(tools.map((t) => t.name)).toEqual(['echo', 'lookup', 'slow', 'boom']);
    const echo = tools.find((t) => t.name === 'echo')!;
    expect(echo.inputSchema).toMatchObject({
      type: 'object',
      properties: { text: { type: 'string', description: 'Any text' } },
      required: ['text'],
    });
    expect(echo.outputSchema).toMatchObject({ type: 'object', required: ['text', 'length'] });
    expect(echo.annotations).toMatchObject({ readOnlyHint: true, title: 'Echo' });
  });

  it('calls a tool: structuredContent plus a text copy', async () => {
    const result = await clients[mode].callTool({ name: 'echo', arguments: { text: 'Bonjour' } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ text: 'Bonjour', length: 7 });
    expect(result.content).toEqual([{ type: 'text', text: '{"text":"Bonjour","length":7}' }]);
  });

  it('answers an expected failure as isError with a typed code', async () => {
    const result = await clients[mode].callTool({ name: 'lookup', arguments: { key: 'missing' } });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toEqual({
      error: { code: 'not_found', message: 'No value for "missing".', details: { key: 'missing' } },
    });
  });

  it('names the faulty field when arguments are invalid', async () => {
    const result = await clients[mode].callTool({ name: 'lookup', arguments: { key: 'ABC' } });
    expect(result.isError).toBe(true);
    const error = (result.structuredContent as { error: { code: string; message: string; details: unknown } })
      .error;
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('key: lowercase letters only');
    expect(error.details).toEqual({ fields: ['key'] });
  });

  it('turns a thrown bug into internal_error without a stack trace or internal detail', async () => {
    const result = await clients[mode].callTool({ name: 'boom', arguments: {} });
    expect(result.isError).toBe(true);
    const text = JSON.stringify(result);
    expect(text).toContain('internal_error');
    expect(text).not.toContain('/srv/app');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reports progress when the client asks for it', async () => {
    const updates: number[] = [];
    const result = await clients[mode].callTool(
      { name: 'slow', arguments: { steps: 3, step_ms: 5 } },
      { onprogress: (p) => updates.push(p.progress) },
    );
    expect(result.structuredContent).toEqual({ steps_done: 3 });
    expect(updates).toEqual([1, 2, 3]);
  });

  it('answers an unknown tool with an error naming it', async () => {
    const result = await clients[mode].callTool({ name: 'nope', arguments: {} });
    expect(result.isError).toBe(true);
    expect((result.content as Array<{ text: string }>)[0]!.text).toContain('Unknown tool "nope"');
  });
});
