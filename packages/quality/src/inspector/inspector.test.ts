import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, toolErrorOf } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CASES, resolveCall, sampleCall } from '../apps/index.js';
import { binPath } from '../support/bins.js';
import { runNode } from '../support/run.js';

/*
 * The official MCP Inspector CLI (`mcp-inspector --cli`) against each app served over loopback HTTP with
 * Basic auth: tools/list with its `--strict` schema-portability check, one tool call answered from the
 * replayed fixtures, and one refused call whose code and message it prints as a tool result. This is the
 * Inspector row of the client matrix (../clients/matrix.test.ts); it sends no progress token.
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

/**
 * The `--strict` findings the Inspector printed on stderr: `N errors, M warnings across K tools.` after the
 * details, or nothing at all when every schema is portable.
 */
const portabilityFindings = (stderr: string) => {
  const summary = /(\d+) errors?, (\d+) warnings? across/.exec(stderr);
  return {
    errors: summary ? Number(summary[1]) : 0,
    warnings: summary ? Number(summary[2]) : 0,
    paths: stderr.split('\n').filter((line) => line.trim().startsWith('Path:')),
  };
};

describe.each(APP_CASES)('MCP Inspector CLI against $app', (app) => {
  it('lists the tools with portable schemas (--strict: 0 errors, 0 warnings) and answers one call', async () => {
    const up = await app.upstreams();
    const server = await startTestServer(app.definition, { env: up.env });
    try {
      const listed = await inspect(server.mcpUrl, server.authorization, [
        '--method',
        'tools/list',
        '--strict',
      ]);
      expect(listed.code, listed.stderr + listed.stdout).toBe(0);
      expect(portabilityFindings(listed.stderr), listed.stderr).toEqual({
        errors: 0,
        warnings: 0,
        paths: [],
      });
      expect(listed.stderr).not.toContain('Schema portability');
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

      // A refused call is a tool result the Inspector prints (then exits 5, its "tool returned isError").
      const failing = resolveCall(app.failing, up);
      const refusedCall = await inspect(server.mcpUrl, server.authorization, [
        '--method',
        'tools/call',
        '--tool-name',
        failing.name,
        '--tool-args-json',
        JSON.stringify(failing.arguments),
      ]);
      expect(refusedCall.code, refusedCall.stderr + refusedCall.stdout).toBe(5);
      const error = toolErrorOf(parseJson(refusedCall.stdout));
      expect(error.code).toBe(app.failing.code);
      expect(error.message).toContain(app.failing.message);

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
