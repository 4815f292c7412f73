import { type AppInfo, npmPackageName } from '../apps.js';
import { AUTH_VAR, shellQuote, VSCODE_INPUT, VSCODE_INPUT_ID } from './header-ref.js';

export const CLIENT_IDS = ['claude-desktop', 'claude-code', 'cursor', 'vscode', 'metamcp', 'stdio'] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

/** Older names still accepted by `--client`. */
export const CLIENT_ALIASES: Readonly<Record<string, ClientId>> = {
  'claude-desktop-bridge': 'claude-desktop',
};

/** One server as a client will see it. */
export interface Target {
  key: string;
  app: AppInfo;
  /** `https://<app>.<domain>/mcp` or a local `http://127.0.0.1:<port>/mcp`; absent for stdio-only output. */
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
  /**
   * How this client's file names the header without holding it (`${MCP_FR_AUTH}`, `${env:…}`,
   * `${input:…}`). Absent when the client cannot read a variable there: the file holds the value.
   */
  headerRef?: string;
  /** Printed next to the output: where the header comes from, and what the file holds. */
  note: (inline: boolean) => string;
  entry: (target: Target, header: string) => Record<string, unknown>;
  /** Top-level keys besides the servers, e.g. VS Code's `inputs` prompt that `${input:…}` refers to. */
  extras?: (header: string) => Record<string, unknown>;
  /** Shell lines instead of (or besides) JSON, e.g. `claude mcp add …`. */
  commands?: (targets: readonly Target[], header: string) => string[];
}

/**
 * Literal: mcp-remote expands `${MCP_FR_AUTH}` from its environment (the entry's `env`), so the value
 * stays out of the process arguments. No space after the colon: Claude Desktop on Windows (and Cursor)
 * pass arguments to npx unquoted, and a space would split this one in two.
 */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder mcp-remote expands, not ours
export const BRIDGE_HEADER_ARG = 'Authorization:${MCP_FR_AUTH}';

const urlOf = (target: Target): string => {
  if (!target.url) throw new Error(`no URL for ${target.key}`);
  return target.url;
};

const CLAUDE_DESKTOP_FILES = [
  'macOS: ~/Library/Application Support/Claude/claude_desktop_config.json',
  'Windows: %APPDATA%\\Claude\\claude_desktop_config.json',
  'Linux: ~/.config/Claude/claude_desktop_config.json',
];

const fromVariable = (how: string) => (inline: boolean) =>
  inline
    ? 'the header value is written in the file (--inline-secret): keep it out of git and shared screens'
    : `${how}; the file holds no secret`;

export const CLIENTS: Record<ClientId, ClientFormat> = {
  'claude-desktop': {
    id: 'claude-desktop',
    title: 'Claude Desktop (through the mcp-remote bridge)',
    files: CLAUDE_DESKTOP_FILES,
    rootKey: 'mcpServers',
    remote: true,
    note: () =>
      "Claude Desktop's config file starts local (stdio) programs only, so mcp-remote bridges to the URL; " +
      `Claude Desktop does not read your shell's variables, so the header value sits in this file's env ` +
      `(${AUTH_VAR}): keep the file private`,
    entry: (t, header) => ({
      command: 'npx',
      args: ['-y', 'mcp-remote', urlOf(t), '--header', BRIDGE_HEADER_ARG],
      env: { [AUTH_VAR]: header },
    }),
  },
  'claude-code': {
    id: 'claude-code',
    title: 'Claude Code (claude mcp add, or a project .mcp.json)',
    files: ['project: .mcp.json (shared with the repository)', 'user: claude mcp add --scope user …'],
    rootKey: 'mcpServers',
    remote: true,
    headerRef: `\${${AUTH_VAR}}`,
    note: fromVariable(
      `Claude Code expands \${${AUTH_VAR}} from its environment when it starts (the single quotes keep your shell from doing it first)`,
    ),
    entry: (t, header) => ({ type: 'http', url: urlOf(t), headers: { Authorization: header } }),
    commands: (targets, header) =>
      targets.map(
        (t) =>
          `claude mcp add --transport http ${t.key} ${urlOf(t)} --header ${shellQuote(`Authorization: ${header}`)}`,
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
    headerRef: `\${env:${AUTH_VAR}}`,
    note: fromVariable(`Cursor reads \${env:${AUTH_VAR}} from the environment it was started in`),
    entry: (t, header) => ({ url: urlOf(t), headers: { Authorization: header } }),
  },
  vscode: {
    id: 'vscode',
    title: 'VS Code (GitHub Copilot agent mode)',
    files: ['workspace: .vscode/mcp.json', 'user: command "MCP: Open User Configuration"'],
    rootKey: 'servers',
    remote: true,
    headerRef: `\${input:${VSCODE_INPUT_ID}}`,
    note: fromVariable(
      `VS Code asks once for the header (the value of ${AUTH_VAR}) and keeps it in its secret storage`,
    ),
    entry: (t, header) => ({ type: 'http', url: urlOf(t), headers: { Authorization: header } }),
    extras: (header) => (header.includes(`\${input:${VSCODE_INPUT_ID}}`) ? { inputs: [VSCODE_INPUT] } : {}),
  },
  metamcp: {
    id: 'metamcp',
    title: 'MetaMCP (MCP Servers → Import JSON)',
    files: ['paste into MetaMCP: MCP Servers → Import JSON'],
    rootKey: 'mcpServers',
    remote: true,
    note: () =>
      'pasted into MetaMCP, which keeps the header in its own database and does not read variables: the value is written here',
    entry: (t, header) => ({
      type: 'streamable_http',
      url: urlOf(t),
      description: t.app.description,
      headers: { Authorization: header },
    }),
  },
  stdio: {
    id: 'stdio',
    title: 'Local stdio through npx (Claude Desktop, Cursor, MetaMCP STDIO, any client)',
    files: [...CLAUDE_DESKTOP_FILES, 'Cursor: ~/.cursor/mcp.json'],
    rootKey: 'mcpServers',
    remote: false,
    note: () => 'the client starts the server itself: no URL and no credential',
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

/** Whether this client's output needs the header value itself rather than a reference to it. */
export const needsHeaderValue = (client: ClientFormat, inline: boolean): boolean =>
  client.remote && (inline || client.headerRef === undefined);

/** Whether this client's output reads MCP_FR_AUTH from its environment (not VS Code's prompt). */
export const readsAuthVar = (client: ClientFormat, inline: boolean): boolean =>
  !needsHeaderValue(client, inline) && (client.headerRef?.includes(AUTH_VAR) ?? false);

/** What goes where the header belongs: the value, or the client's reference to MCP_FR_AUTH. */
export const headerFor = (client: ClientFormat, value: string, inline: boolean): string =>
  needsHeaderValue(client, inline) ? value : (client.headerRef ?? '');

/** `{ "<rootKey>": { "<key>": entry, … } }` (after the client's extras) for the given servers. */
export const clientJson = (
  client: ClientFormat,
  targets: readonly Target[],
  header: string,
): Record<string, unknown> => ({
  ...(client.extras?.(header) ?? {}),
  [client.rootKey]: Object.fromEntries(targets.map((t) => [t.key, client.entry(t, header)])),
});
