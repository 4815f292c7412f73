import type { AppId } from '@mcp/cli';
import { appInfo, appUrl, npmPackageName } from '@mcp/cli';
import { releaseApp } from '../apps.js';
import { mcpName, type Repository } from '../repository.js';

/** The `$id` of the vendored schema (registry/server.schema.json). */
export const SERVER_SCHEMA_URL =
  'https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json';

export interface BundleAsset {
  /** Download URL of the .mcpb attached to the GitHub release. */
  url: string;
  sha256: string;
}

/** `https://github.com/<owner>/<name>/releases/download/v<version>/<file>` */
export const releaseAssetUrl = (repo: Repository, version: string, file: string): string =>
  `${repo.url}/releases/download/v${version}/${file}`;

/**
 * server.json for the official MCP Registry: the npm package run over stdio (`npx -y @mcp-fr/<app>
 * --stdio`, provider keys as optional secret env variables), the .mcpb bundle when built, and the
 * remote endpoint of a deployment as a template: the domain is the deployer's, and the Authorization
 * header (Basic or Bearer) is a required secret.
 */
export const serverJson = (app: AppId, version: string, repo: Repository, bundle?: BundleAsset) => {
  const info = releaseApp(app);
  const environmentVariables = info.userSettings.map((s) => ({
    name: s.env,
    description: s.description,
    isRequired: false,
    isSecret: s.sensitive,
    format: 'string',
  }));
  const stdio = { type: 'stdio' } as const;
  const host = appInfo(app).subdomain;
  return {
    $schema: SERVER_SCHEMA_URL,
    name: mcpName(repo, app),
    title: info.title,
    description: info.summary,
    version,
    repository: { url: repo.url, source: 'github', subfolder: `apps/${app}` },
    websiteUrl: `${repo.url}/tree/main/apps/${app}#readme`,
    packages: [
      {
        registryType: 'npm',
        registryBaseUrl: 'https://registry.npmjs.org',
        identifier: npmPackageName(app),
        version,
        runtimeHint: 'npx',
        transport: stdio,
        packageArguments: [{ type: 'positional', value: '--stdio' }],
        ...(environmentVariables.length > 0 ? { environmentVariables } : {}),
      },
      ...(bundle
        ? [{ registryType: 'mcpb', identifier: bundle.url, fileSha256: bundle.sha256, transport: stdio }]
        : []),
    ],
    remotes: [
      {
        type: 'streamable-http',
        url: appUrl(app, '{domain}'),
        variables: {
          domain: {
            description: `Base domain of your deployment (the ${app} server answers on ${host}.<domain>)`,
            isRequired: true,
            placeholder: 'mcp.example.com',
          },
        },
        headers: [
          {
            name: 'Authorization',
            description: 'Basic <base64 of user:password> (AUTH_USERNAME/AUTH_PASSWORD) or Bearer <token>',
            isRequired: true,
            isSecret: true,
          },
        ],
      },
    ],
  };
};

export type ServerJson = ReturnType<typeof serverJson>;
