// pnpm release:pack [--app <app>]… [--no-cli] [--out <dir>]
// Builds what a release ships, into <out> (default ./release): npm/*.tgz (@mcp-fr/<app> and
// @mcp-fr/cli), mcpb/*.mcpb (Claude Desktop bundles) and registry/<app>/server.json (MCP Registry).
// The version is the root package.json's; MCP_FR_REPOSITORY=<owner>/<name> names the publisher.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_IDS, type AppId, isAppId } from '@mcp/cli';
import { buildRelease } from './release.js';
import { releaseRepository } from './repository.js';
import { readVersion } from './version/version.js';
import { workspaceRoot } from './workspace.js';

const fail = (message: string): never => {
  process.stderr.write(`release:pack: ${message}\n`);
  process.exit(2);
};

const { values } = parseArgs({
  options: {
    app: { type: 'string', multiple: true },
    'no-cli': { type: 'boolean' },
    out: { type: 'string' },
  },
});
const apps = values.app ?? [...APP_IDS];
const unknown = apps.filter((a) => !isAppId(a));
if (unknown.length > 0) fail(`unknown app ${unknown.join(', ')}; one of ${APP_IDS.join(', ')}`);
const root = workspaceRoot();
const cwd = process.env.INIT_CWD ?? process.cwd();
let repo: ReturnType<typeof releaseRepository> | undefined;
try {
  repo = releaseRepository();
} catch (error) {
  fail((error as Error).message);
}
const artifacts = await buildRelease(root, {
  version: await readVersion(root),
  repo: repo as NonNullable<typeof repo>,
  outDir: resolve(cwd, values.out ?? 'release'),
  apps: apps as AppId[],
  cli: !values['no-cli'],
});
const lines = artifacts.apps.flatMap((a) => [a.tarball, a.mcpb, a.serverJson]);
process.stdout.write(`${[...lines, ...(artifacts.cli ? [artifacts.cli] : [])].join('\n')}\n`);
