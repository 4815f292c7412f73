import { chmod, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppId, exec, npmPackageName } from '@mcp/cli';
import { type PackTarget, releaseApp } from '../apps.js';
import { must, sourceDir } from '../build.js';
import { mcpName, type Repository } from '../repository.js';

/**
 * Publishing an app under @mcp-fr/<app> without renaming the workspace package @mcp/<app> (which
 * `pnpm --filter @mcp/<app>` and the repository layout rely on): pnpm does not rename on pack, so we stage a
 * publish-ready folder — the bundled dist/main.js (every dependency inlined by the app's tsdown config),
 * a bin wrapper, a README, the app's server.json and a generated package.json with no dependencies — and
 * pack that.
 */

export const NODE_ENGINE = '>=22.12';

export const packageName = (target: PackTarget): string =>
  target === 'cli' ? '@mcp-fr/cli' : npmPackageName(target);

export const binName = (target: PackTarget): string => (target === 'cli' ? 'mcp-config' : `mcp-fr-${target}`);

interface SourceManifest {
  description?: string;
}

/** What every staged package shares: the one version and the publishing repository. */
export interface ReleaseInfo {
  version: string;
  repo: Repository;
}

export const publishManifest = (target: PackTarget, manifest: SourceManifest, release: ReleaseInfo) => ({
  name: packageName(target),
  version: release.version,
  description: manifest.description ?? `MCP server ${target}`,
  // The official MCP Registry publishes a server only if its npm package names it so.
  ...(target === 'cli' ? {} : { mcpName: mcpName(release.repo, target) }),
  repository: {
    type: 'git',
    url: `git+${release.repo.url}.git`,
    directory: target === 'cli' ? 'packages/cli' : `apps/${target}`,
  },
  homepage: `${release.repo.url}#readme`,
  bugs: { url: `${release.repo.url}/issues` },
  type: 'module',
  bin: { [binName(target)]: `bin/${binName(target)}.js` },
  files: target === 'cli' ? ['bin', 'dist', 'README.md'] : ['bin', 'dist', 'README.md', 'server.json'],
  engines: { node: NODE_ENGINE },
  keywords: [
    'mcp',
    'model-context-protocol',
    target === 'cli' ? 'mcp-client-config' : 'mcp-server',
    'france',
    target,
  ],
  license: 'MIT',
  publishConfig: { access: 'public' },
});

const binWrapper = (target: PackTarget) => `#!/usr/bin/env node
// ${packageName(target)}${target === 'cli' ? '' : ': Streamable HTTP on $PORT (default 8080), or stdio with --stdio'}.
import '../dist/main.js';
`;

const cliReadmeHeader = () => `# @mcp-fr/cli

\`mcp-config\`: client configs for the mcp-fr servers, a deployment doctor, password and header helpers.
One self-contained file, Node ${NODE_ENGINE}.

\`\`\`sh
npx -y @mcp-fr/cli clients --domain mcp.example.com --user me
npx -y @mcp-fr/cli doctor https://annuaire.mcp.example.com --user me
\`\`\`

---

`;

const readmeHeader = (app: AppId, description: string, version: string) => `# ${npmPackageName(app)}

${description}

One self-contained file: no dependencies to install, Node ${NODE_ENGINE}.

## Local, over stdio (Claude Desktop, Cursor, MetaMCP STDIO, any MCP client)

\`\`\`sh
npx -y ${npmPackageName(app)} --stdio
\`\`\`

\`\`\`json
{
  "mcpServers": {
    "${app}": { "command": "npx", "args": ["-y", "${npmPackageName(app)}", "--stdio"] }
  }
}
\`\`\`

## Claude Desktop, one click

Download \`mcp-fr-${app}-${version}.mcpb\` from the GitHub release of v${version} and open it: Claude
Desktop installs it${releaseApp(app).userSettings.length > 0 ? ' and asks for the provider keys (optional, kept in the keychain)' : ''}.

## Streamable HTTP, behind Basic auth

\`\`\`sh
AUTH_USERNAME=me AUTH_PASSWORD="$(openssl rand -base64 24)" PORT=8080 npx -y ${npmPackageName(app)}
\`\`\`

Then \`POST http://127.0.0.1:8080/mcp\` with \`Authorization: Basic …\`; \`GET /\` is the public healthcheck.

---

`;

/**
 * Writes the publish folder of one target around its already built bundle (`buildBundle`): the bundle
 * as dist/main.js, the bin, README, LICENSE, the generated package.json and, for an app, its
 * server.json. `root` is the workspace root.
 */
export const stagePackage = async (
  root: string,
  target: PackTarget,
  stageDir: string,
  options: ReleaseInfo & { bundle: string; serverJson?: unknown },
): Promise<string> => {
  const sourceManifest = JSON.parse(
    await readFile(join(sourceDir(root, target), 'package.json'), 'utf8'),
  ) as SourceManifest;
  await rm(stageDir, { recursive: true, force: true });
  await mkdir(join(stageDir, 'bin'), { recursive: true });
  await mkdir(join(stageDir, 'dist'), { recursive: true });
  await copyFile(options.bundle, join(stageDir, 'dist', 'main.js'));
  const pkg = publishManifest(target, sourceManifest, options);
  await writeFile(join(stageDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  if (target !== 'cli') {
    if (options.serverJson === undefined) throw new Error(`${target}: an app package needs its server.json`);
    await writeFile(join(stageDir, 'server.json'), `${JSON.stringify(options.serverJson, null, 2)}\n`);
  }
  const readme = await readFile(join(sourceDir(root, target), 'README.md'), 'utf8').catch(() => '');
  const header =
    target === 'cli' ? cliReadmeHeader() : readmeHeader(target, releaseApp(target).summary, options.version);
  await writeFile(join(stageDir, 'README.md'), header + readme);
  const bin = join(stageDir, 'bin', `${binName(target)}.js`);
  await writeFile(bin, binWrapper(target));
  await chmod(bin, 0o755);
  // npm ships a LICENSE file whatever `files` says.
  await copyFile(join(root, 'LICENSE'), join(stageDir, 'LICENSE'));
  return stageDir;
};

/** `pnpm pack` in the staging folder; returns the tarball path. */
export const packStaged = async (stageDir: string, destination: string): Promise<string> => {
  await mkdir(destination, { recursive: true });
  const r = await must(
    'pnpm pack',
    exec('pnpm', ['pack', '--pack-destination', destination], { cwd: stageDir, timeoutMs: 60_000 }),
  );
  const tarball = r.stdout
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .reverse()
    .find((line) => line.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack printed no tarball:\n${r.stdout}`);
  return tarball.startsWith('/') ? tarball : join(destination, tarball);
};
