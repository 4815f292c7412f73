import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annuaireServer } from '@mcp/annuaire';
import { startTestServer } from '@mcp/core/testing';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import { captureIo } from '../testing/io.js';
import { AUTH_VAR } from './header-ref.js';

// The pinned mcp-remote from devDependencies, started with the config's own args and env the way
// Claude Desktop starts `npx -y mcp-remote …` (npx would fetch the same package from the registry).
const BRIDGE_REF = `\${${AUTH_VAR}}`;
const proxy = fileURLToPath(new URL('../../node_modules/mcp-remote/dist/proxy.js', import.meta.url));

describe('Claude Desktop config through the real mcp-remote bridge', () => {
  const home = mkdtempSync(join(tmpdir(), 'mcp-cli-bridge-'));
  let app: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    app = await startTestServer(annuaireServer, { env: { ANNUAIRE_BASE_URL: 'http://127.0.0.1:9' } });
  });
  afterAll(async () => {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('expands the header from the entry env, then serves tools/list and a tool call', async () => {
    const io = captureIo({ env: { MCP_FR_AUTH: app.authorization } });
    const port = new URL(app.mcpUrl).port;
    const args = ['--local', '--start-port', port, '--app', 'annuaire', '--client', 'claude-desktop'];
    expect(await run(['clients', ...args], io)).toBe(0);
    const entry = JSON.parse(io.stdout()).mcpServers.annuaire as {
      command: string;
      args: string[];
      env: Record<string, string>;
    };
    expect([entry.command, ...entry.args.slice(0, 2)]).toEqual(['npx', '-y', 'mcp-remote']);

    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [proxy, ...entry.args.slice(2)],
      // Claude Desktop passes a small environment plus the entry's env; mcp-remote's state goes to a
      // temporary folder instead of ~/.mcp-auth.
      env: { PATH: process.env.PATH ?? '', HOME: home, MCP_REMOTE_CONFIG_DIR: home, ...entry.env },
      stderr: 'pipe',
    });
    let log = '';
    transport.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    const client = new Client({ name: 'bridge-test', version: '0.0.0' });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('verify_siret');
      // Checksum only: no upstream call, so the answer comes from the app through the bridge.
      const result = await client.callTool({
        name: 'verify_siret',
        arguments: { id: '356 000 000 00048', check_register: false },
      });
      expect(result.isError ?? false).toBe(false);
      expect(log).toContain(`Replacing ${BRIDGE_REF} with environment value in header 'Authorization'`);
    } finally {
      await client.close();
    }
  });
});
