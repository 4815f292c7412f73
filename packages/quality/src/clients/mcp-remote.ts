import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { binPath } from '../support/bins.js';
import type { MatrixClient } from './matrix-client.js';

const bridge = binPath('mcp-remote', 'mcp-remote');

/**
 * The `mcp-remote` bridge as docs/clients.md configures it for Claude Desktop: a local stdio process that
 * forwards to the HTTP endpoint with the `Authorization` header taken from `AUTH_HEADER`. Run from
 * node_modules (never npx), `--transport http-only`, its state in a throwaway folder; an SDK client drives
 * its stdio side, as Claude Desktop would.
 */
export const connectMcpRemote = async (mcpUrl: string, authorization: string): Promise<MatrixClient> => {
  const configDir = mkdtempSync(join(tmpdir(), 'mcp-remote-'));
  // `${AUTH_HEADER}` is literal: mcp-remote expands it from its env, as in the Claude Desktop config.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is for mcp-remote, not for JS
  const header = 'Authorization:${AUTH_HEADER}';
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bridge, mcpUrl, '--header', header, '--transport', 'http-only'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: configDir,
      MCP_REMOTE_CONFIG_DIR: configDir,
      AUTH_HEADER: authorization,
    },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'client-matrix-mcp-remote', version: '1.0.0' });
  await client.connect(transport);
  return {
    protocolVersion: client.getNegotiatedProtocolVersion(),
    listTools: () => client.listTools(),
    callTool: (call) => client.callTool({ name: call.name, arguments: call.arguments }),
    close: async () => {
      await client.close();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
};
