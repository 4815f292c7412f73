// pnpm --filter @mcp/cli pack:apps [--app <app|cli>]… [--out <dir>]
// Builds and packs each app as a publish-ready @mcp-fr/<app> tarball (and mcp-config as @mcp-fr/cli);
// publish with `npm publish <tgz>`.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_IDS, isAppId } from '../apps.js';
import { workspaceRoot } from './root.js';
import { type PackTarget, packStaged, stagePackage } from './stage.js';

const { values } = parseArgs({
  options: {
    app: { type: 'string', multiple: true },
    out: { type: 'string' },
  },
});
const targets = values.app ?? [...APP_IDS, 'cli'];
const unknown = targets.filter((a) => !isAppId(a) && a !== 'cli');
if (unknown.length > 0) {
  process.stderr.write(`pack:apps: unknown app ${unknown.join(', ')}; one of ${APP_IDS.join(', ')}, cli\n`);
  process.exit(2);
}
const cwd = process.env.INIT_CWD ?? process.cwd();
const out = values.out ? resolve(cwd, values.out) : join(tmpdir(), 'mcp-fr-npm');
const root = workspaceRoot();
const tarballs = await Promise.all(
  (targets as PackTarget[]).map(async (target) =>
    packStaged(await stagePackage(root, target, join(out, 'stage', target)), out),
  ),
);
process.stdout.write(`${tarballs.join('\n')}\n`);
