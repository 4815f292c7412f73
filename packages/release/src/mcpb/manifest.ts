import type { AppId } from '@mcp/cli';
import { releaseApp } from '../apps.js';
import type { Repository } from '../repository.js';

/** The manifest version Claude Desktop reads today (`mcpb validate` knows 0.1 to 0.4). */
export const MANIFEST_VERSION = '0.3';

/** Where the bundled server sits inside the .mcpb. */
export const ENTRY_POINT = 'server/main.js';

/** `SERPER_API_KEY` → `serper_api_key`: user_config keys are identifiers, the env names stay the app's. */
export const userConfigKey = (env: string): string => env.toLowerCase();

/**
 * manifest.json of an app's MCP Bundle: Claude Desktop runs the bundled `server/main.js --stdio` with
 * its own Node, and asks for the provider keys on install (kept in the OS keychain when `sensitive`).
 * An optional setting left empty reaches the app as an empty variable, which the apps treat as unset.
 */
export const mcpbManifest = (app: AppId, version: string, repo: Repository) => {
  const info = releaseApp(app);
  const userConfig = Object.fromEntries(
    info.userSettings.map((s) => [
      userConfigKey(s.env),
      { type: 'string', title: s.title, description: s.description, required: false, sensitive: s.sensitive },
    ]),
  );
  const env: Record<string, string> = Object.fromEntries(
    info.userSettings.map((s) => [s.env, `\${user_config.${userConfigKey(s.env)}}`]),
  );
  return {
    manifest_version: MANIFEST_VERSION,
    name: `mcp-fr-${app}`,
    display_name: info.title,
    version,
    description: info.summary,
    long_description: info.description,
    author: { name: `${repo.owner} (mcp-fr)`, url: repo.url },
    repository: { type: 'git', url: repo.url },
    homepage: `${repo.url}/tree/main/apps/${app}#readme`,
    license: 'MIT',
    keywords: ['france', 'company', 'mcp', app],
    server: {
      type: 'node',
      entry_point: ENTRY_POINT,
      mcp_config: {
        command: 'node',
        args: [`\${__dirname}/${ENTRY_POINT}`, '--stdio'],
        env: { LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env } as Record<string, string>,
      },
    },
    compatibility: { platforms: ['darwin', 'win32', 'linux'], runtimes: { node: '>=22.12.0' } },
    ...(Object.keys(userConfig).length > 0 ? { user_config: userConfig } : {}),
  };
};

export type McpbManifest = ReturnType<typeof mcpbManifest>;
