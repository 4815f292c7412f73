import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CASES, sampleCall } from '../apps/index.js';
import { binPath } from '../support/bins.js';
import { runNode } from '../support/run.js';

/*
 * The official MCP Inspector CLI (`mcp-inspector --cli`) against each app served over loopback HTTP with
 * Basic auth: tools/list, then one tool call answered from the replayed fixtures.
 */

const inspector = binPath('@modelcontextprotocol/inspector', 'mcp-inspector');
let home: string;

beforeAll(() => {
  // The Inspector keeps a catalog and secrets under $HOME: give it a throwaway one.
  home = mkdtempSync(join(tmpdir(), 'mcp-inspector-home-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const inspect = (mcpUrl: string, authorization: string, args: string[]) =>
  runNode(
    [
      inspector,
      '--cli',
      mcpUrl,
      '--transport',
      'http',
      '--header',
      `Authorization: ${authorization}`,
      ...args,
    ],
    { env: { HOME: home, NO_COLOR: '1' }, timeoutMs: 90_000 },
  );

/** The Inspector prints the result as JSON (possibly after a status line): take the outermost object. */
const parseJson = (out: string): Record<string, unknown> => {
  const start = out.indexOf('{');
  const end = out.lastIndexOf('}');
  if (start === -1 || end === -1) throw new Error(`no JSON in Inspector output:\n${out}`);
  return JSON.parse(out.slice(start, end + 1)) as Record<string, unknown>;
};

describe.each(APP_CASES)('MCP Inspector CLI against $app', (app) => {
  it('lists the tools and answers one tool call with structured content', async () => {
    const up = await app.upstreams();
    const server = await startTestServer(app.definition, { env: up.env });
    try {
      const listed = await inspect(server.mcpUrl, server.authorization, ['--method', 'tools/list']);
      expect(listed.code, listed.stderr + listed.stdout).toBe(0);
      const tools = (parseJson(listed.stdout).tools ?? []) as Array<{ name: string }>;
      const call = sampleCall(app, up);
      expect(tools.map((t) => t.name)).toContain(call.name);

      const called = await inspect(server.mcpUrl, server.authorization, [
        '--method',
        'tools/call',
        '--tool-name',
        call.name,
        '--tool-args-json',
        JSON.stringify(call.arguments),
      ]);
      expect(called.code, called.stderr + called.stdout).toBe(0);
      const result = parseJson(called.stdout);
      expect(result.isError ?? false).toBe(false);
      expect(result.structuredContent).toMatchObject(app.sample.expect);

      const refused = await inspect(server.mcpUrl, 'Basic d3Jvbmc6Y3JlZGVudGlhbHM=', [
        '--method',
        'tools/list',
      ]);
      expect(refused.code).not.toBe(0);
    } finally {
      await server.close();
      await up.close();
    }
  }, 240_000);
});
