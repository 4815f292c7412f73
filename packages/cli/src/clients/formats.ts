import { type AppInfo, npmPackageName } from '../apps.js';

export const CLIENT_IDS = [
  'claude-desktop',
  'claude-desktop-bridge',
  'claude-code',
  'cursor',
  'vscode',
  'metamcp',
  'stdio',
] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

/** One server as a client will see it. */
export interface Target {
  key: string;
  app: AppInfo;
  /** `https://<app>.<domain>/mcp`; absent for stdio-only output. */
  url?: string;
}

export interface ClientFormat {
  id: ClientId;
  title: string;
  /** Where the JSON goes, per OS. */
  files: string[];
  /** The object holding the servers: `mcpServers` for most clients, `servers` for VS Code. */
  rootKey: 'mcpServers' | 'servers';
  /** false for stdio: no URL, no credentials. */
  remote: boolean;
  entry: (target: Target, authorization: string) => Record<string, unknown>;
  /** Shell lines instead of (or besides) JSON, e.g. `claude mcp add …`. */
  commands?: (targets: readonly Target[], authorization: string) => string[];
}

/**
 * Literal: mcp-remote expands `${AUTH_HEADER}` from env, so the secret stays out of args. No space after
 * the colon: Claude Desktop on Windows splits arguments on spaces.
 */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder mcp-remote expands, not ours
export const BRIDGE_HEADER_ARG = 'Authorization:${AUTH_HEADER}';

const urlOf = (target: Target): string => {
  if (!target.url) throw new Error(`no URL for ${target.key}`);
  return target.url;
};

const CLAUDE_DESKTOP_FILES = [
  'macOS: ~/Library/Application Support/Claude/claude_desktop_config.json',
  'Windows: %APPDATA%\\Claude\\claude_desktop_config.json',
  'Linux: ~/.config/Claude/claude_desktop_config.json',
];

export const CLIENTS: Record<ClientId, ClientFormat> = {
  'claude-desktop': {
    id: 'claude-desktop',
    title: 'Claude Desktop (remote server: url + headers)',
    files: CLAUDE_DESKTOP_FILES,
    rootKey: 'mcpServers',
    remote: true,
    entry: (t, authorization) => ({ url: urlOf(t), headers: { Authorization: authorization } }),
  },
  'claude-desktop-bridge': {
    id: 'claude-desktop-bridge',
    title:
      'Claude Desktop through the mcp-remote bridge (versions without remote servers in the config file)',
    files: CLAUDE_DESKTOP_FILES,
    rootKey: 'mcpServers',
    remote: true,
    entry: (t, authorization) => ({
      command: 'npx',
      args: ['-y', 'mcp-remote', urlOf(t), '--header', BRIDGE_HEADER_ARG],
      env: { AUTH_HEADER: authorization },
    }),
  },
  'claude-code': {
    id: 'claude-code',
    title: 'Claude Code (claude mcp add, or a project .mcp.json)',
    files: ['project: .mcp.json (shared with the repository)', 'user: claude mcp add --scope user …'],
    rootKey: 'mcpServers',
    remote: true,
    entry: (t, authorization) => ({ type: 'http', url: urlOf(t), headers: { Authorization: authorization } }),
    commands: (targets, authorization) =>
      targets.map(
        (t) =>
          `claude mcp add --transport http ${t.key} ${urlOf(t)} --header "Authorization: ${authorization}"`,
      ),
  },
  cursor: {
    id: 'cursor',
    title: 'Cursor',
    files: [
      'all projects: ~/.cursor/mcp.json (Windows: %USERPROFILE%\\.cursor\\mcp.json)',
      'one project: .cursor/mcp.json',
    ],
    rootKey: 'mcpServers',
    remote: true,
    entry: (t, authorization) => ({ url: urlOf(t), headers: { Authorization: authorization } }),
  },
  vscode: {
    id: 'vscode',
    title: 'VS Code (GitHub Copilot agent mode)',
    files: ['workspace: .vscode/mcp.json', 'user: command "MCP: Open User Configuration"'],
    rootKey: 'servers',
    remote: true,
    entry: (t, authorization) => ({ type: 'http', url: urlOf(t), headers: { Authorization: authorization } }),
  },
  metamcp: {
    id: 'metamcp',
    title: 'MetaMCP (MCP Servers → Import JSON)',
    files: ['paste into MetaMCP: MCP Servers → Import JSON'],
    rootKey: 'mcpServers',
    remote: true,
    entry: (t, authorization) => ({
      type: 'streamable_http',
      url: urlOf(t),
      description: t.app.description,
      headers: { Authorization: authorization },
    }),
  },
  stdio: {
    id: 'stdio',
    title: 'Local stdio through npx (Claude Desktop, Cursor, MetaMCP STDIO, any client)',
    files: [...CLAUDE_DESKTOP_FILES, 'Cursor: ~/.cursor/mcp.json'],
    rootKey: 'mcpServers',
    remote: false,
    entry: (t) => ({
      command: 'npx',
      args: ['-y', npmPackageName(t.app.id), '--stdio'],
      // MCP_TRANSPORT repeats --stdio for launchers that eat flags (`npx --no pkg --stdio` does).
      env: Object.fromEntries([
        ['MCP_TRANSPORT', 'stdio'],
        ['LOG_LEVEL', 'warn'],
        ...t.app.stdioEnv.map((name) => [name, '']),
      ]),
    }),
  },
};

/** `{ "<rootKey>": { "<key>": entry, … } }` for the given servers. */
export const clientJson = (
  client: ClientFormat,
  targets: readonly Target[],
  authorization: string,
): Record<string, Record<string, unknown>> => ({
  [client.rootKey]: Object.fromEntries(targets.map((t) => [t.key, client.entry(t, authorization)])),
});
