import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleServer } from '../testing/example-server.js';
import { type ProtocolMode, startTestServer, type TestServer } from '../testing/start.js';
import { toolErrorOf } from '../testing/tool-error.js';

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

  it('answers an expected failure as isError with one JSON text item and no structuredContent', async () => {
    const result = await clients[mode].callTool({ name: 'lookup', arguments: { key: 'missing' } });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(result.content).toEqual([
      {
        type: 'text',
        text: '{"error":{"code":"not_found","message":"No value for \\"missing\\".","details":{"key":"missing"}}}',
      },
    ]);
    expect(toolErrorOf(result)).toEqual({
      code: 'not_found',
      message: 'No value for "missing".',
      details: { key: 'missing' },
    });
  });

  it('names the faulty field when arguments are invalid', async () => {
    const result = await clients[mode].callTool({ name: 'lookup', arguments: { key: 'ABC' } });
    const error = toolErrorOf(result);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('key: lowercase letters only');
    expect(error.details).toEqual({ fields: ['key'] });
  });

  it('turns a thrown bug into internal_error without a stack trace or internal detail', async () => {
    const result = await clients[mode].callTool({ name: 'boom', arguments: {} });
    expect(toolErrorOf(result)).toEqual({
      code: 'internal_error',
      message: 'The boom tool failed unexpectedly.',
    });
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
    const error = toolErrorOf(result);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('Unknown tool "nope"');
    expect(error.details).toEqual({ fields: ['name'] });
  });
});
