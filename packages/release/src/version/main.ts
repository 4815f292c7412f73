// pnpm release:version X.Y.Z: the one place where the version changes (every workspace package.json).
import { workspaceRoot } from '../workspace.js';
import { isVersion, setVersion } from './version.js';

const [version] = process.argv.slice(2);
if (!version || !isVersion(version)) {
  process.stderr.write('usage: pnpm release:version X.Y.Z   (semantic version, e.g. 1.2.0 or 1.2.0-rc.1)\n');
  process.exit(2);
}
const changed = await setVersion(workspaceRoot(), version);
process.stdout.write(
  changed.length === 0
    ? `already ${version}\n`
    : `${version} in:\n${changed.map((p) => `  ${p}`).join('\n')}\n`,
);
