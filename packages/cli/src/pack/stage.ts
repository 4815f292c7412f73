import { chmod, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppId, npmPackageName } from '../apps.js';
import { type Exec, exec } from '../exec.js';

/**
 * Publishing an app under @mcp-fr/<app> without renaming the workspace package @mcp/<app> (which
 * `pnpm --filter @mcp/<app>` and DESIGN.md §3 rely on): pnpm does not rename on pack, so we stage a
 * publish-ready folder — the bundled dist/main.js (every dependency inlined by the app's tsdown config),
 * a bin wrapper, a README and a generated package.json with no dependencies — and pack that.
 */

export const NODE_ENGINE = '>=22.12';

/** An app, or `cli` for mcp-config itself (@mcp-fr/cli). */
export type PackTarget = AppId | 'cli';

export const packageName = (target: PackTarget): string =>
  target === 'cli' ? '@mcp-fr/cli' : npmPackageName(target);

export const binName = (target: PackTarget): string => (target === 'cli' ? 'mcp-config' : `mcp-fr-${target}`);

const sourceDir = (root: string, target: PackTarget): string =>
  target === 'cli' ? join(root, 'packages', 'cli') : join(root, 'apps', target);

interface AppManifest {
  version: string;
  description?: string;
}

const must = async (what: string, result: Promise<Exec>): Promise<Exec> => {
  const r = await result;
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.stderr || r.stdout}`);
  return r;
};

export const publishManifest = (target: PackTarget, manifest: AppManifest) => ({
  name: packageName(target),
  version: manifest.version,
  description: manifest.description ?? `MCP server ${target}`,
  type: 'module',
  bin: { [binName(target)]: `bin/${binName(target)}.js` },
  files: ['bin', 'dist', 'README.md'],
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

const readmeHeader = (app: AppId, description: string) => `# ${npmPackageName(app)}

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

## Streamable HTTP, behind Basic auth

\`\`\`sh
AUTH_USERNAME=me AUTH_PASSWORD="$(openssl rand -base64 24)" PORT=8080 npx -y ${npmPackageName(app)}
\`\`\`

Then \`POST http://127.0.0.1:8080/mcp\` with \`Authorization: Basic …\`; \`GET /\` is the public healthcheck.

---

`;

/**
 * Builds the app's bundle straight into the staging folder (the app's own dist/ is left alone) and
 * writes the publish files. `root` is the workspace root.
 */
export const stagePackage = async (root: string, target: PackTarget, stageDir: string): Promise<string> => {
  const appDir = sourceDir(root, target);
  await rm(stageDir, { recursive: true, force: true });
  await mkdir(join(stageDir, 'bin'), { recursive: true });
  await must(
    `tsdown (${target})`,
    exec(join(root, 'node_modules', '.bin', 'tsdown'), ['--out-dir', join(stageDir, 'dist'), '-l', 'warn'], {
      cwd: appDir,
    }),
  );
  const manifest = JSON.parse(await readFile(join(appDir, 'package.json'), 'utf8')) as AppManifest;
  const pkg = publishManifest(target, manifest);
  await writeFile(join(stageDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const readme = await readFile(join(appDir, 'README.md'), 'utf8').catch(() => '');
  const header = target === 'cli' ? cliReadmeHeader() : readmeHeader(target, pkg.description);
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
