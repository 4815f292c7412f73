import { startTestServer, type TestServer, toolErrorOf } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CASES, type AppCase, resolveCall, type Upstreams } from '../apps/index.js';
import type { MatrixClient } from './matrix-client.js';
import { connectMcpRemote } from './mcp-remote.js';
import { connectSdkV1 } from './sdk-v1.js';
import { connectSdkV2 } from './sdk-v2.js';
import { installedVersion } from './versions.js';

/*
 * The client matrix: every app, each client for real, over loopback HTTP with Basic auth. For each client
 * as far as it goes: tools/list; a successful call whose structuredContent the client validated; a failing
 * call whose code and message reach the client as a tool result, never an exception; and a call with a
 * progress token that receives progress notifications. The MCP Inspector CLI row lives in
 * ../inspector/inspector.test.ts (one process per call, the slowest client); the "stdio through the packed
 * npx tarball" row is packages/cli's pack test.
 */

interface Row {
  client: string;
  /** The protocol revision this row must settle on; undefined: the client's default. */
  revision?: string;
  progress: boolean;
  connect: (server: TestServer) => Promise<MatrixClient>;
}

const ROWS: Row[] = [
  {
    client: `@modelcontextprotocol/sdk ${installedVersion('@modelcontextprotocol/sdk')} (v1)`,
    revision: '2025-06-18',
    progress: true,
    connect: (s) => connectSdkV1(s.mcpUrl, s.authorization, '2025-06-18'),
  },
  {
    client: `@modelcontextprotocol/sdk ${installedVersion('@modelcontextprotocol/sdk')} (v1)`,
    revision: '2025-11-25',
    progress: true,
    connect: (s) => connectSdkV1(s.mcpUrl, s.authorization, '2025-11-25'),
  },
  {
    client: `@modelcontextprotocol/client ${installedVersion('@modelcontextprotocol/client')} (v2)`,
    revision: '2025-11-25',
    progress: true,
    connect: (s) => connectSdkV2(s.mcpUrl, s.authorization, '2025-11-25'),
  },
  {
    client: `@modelcontextprotocol/client ${installedVersion('@modelcontextprotocol/client')} (v2)`,
    revision: '2026-07-28',
    progress: true,
    connect: (s) => connectSdkV2(s.mcpUrl, s.authorization, '2026-07-28'),
  },
  {
    client: `mcp-remote ${installedVersion('mcp-remote')} (stdio → HTTP bridge)`,
    progress: false,
    connect: (s) => connectMcpRemote(s.mcpUrl, s.authorization),
  },
];

const report: string[] = [];

afterAll(() => {
  console.log(
    [
      `client matrix — inspector ${installedVersion('@modelcontextprotocol/inspector')} runs in inspector.test.ts`,
      ...report.sort(),
    ].join('\n'),
  );
});

describe.each(APP_CASES)('client matrix against $app', (app: AppCase) => {
  let up: Upstreams;
  let server: TestServer;
  beforeAll(async () => {
    up = await app.upstreams();
    server = await startTestServer(app.definition, { env: up.env });
  });
  afterAll(async () => {
    await server?.close();
    await up?.close();
  });

  it.each(ROWS)('$client, revision $revision', { timeout: 30_000 }, async (row) => {
    const client = await row.connect(server);
    try {
      if (row.revision !== undefined) expect(client.protocolVersion).toBe(row.revision);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining([app.sample.name, app.failing.name]));

      // The client validated structuredContent against the advertised output schema before resolving.
      const ok = (await client.callTool(resolveCall(app.sample, up))) as { structuredContent?: unknown };
      expect(ok.structuredContent).toMatchObject(app.sample.expect);

      const failed = await client.callTool(resolveCall(app.failing, up));
      const error = toolErrorOf(failed);
      expect(error.code).toBe(app.failing.code);
      expect(error.message).toContain(app.failing.message);

      let progressed = 0;
      if (row.progress && app.progress) {
        const answer = (await client.callTool(resolveCall(app.progress, up), () => {
          progressed++;
        })) as { isError?: boolean };
        expect(answer.isError ?? false).toBe(false);
        expect(progressed).toBeGreaterThanOrEqual(1);
      }
      report.push(
        `${app.app.padEnd(16)} ${row.client.padEnd(48)} ${String(client.protocolVersion ?? 'default').padEnd(11)} list ✓ call ✓ error ${error.code} ✓ progress ${row.progress && app.progress ? `${progressed}` : '—'}`,
      );
    } finally {
      await client.close();
    }
  });
});
