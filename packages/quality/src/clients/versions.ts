import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The installed version of a client package (pinned in the catalog), for the matrix's printed header.
 * Read from node_modules directly: some packages export no `./package.json` and no root entry.
 */
export const installedVersion = (pkg: string): string => {
  for (const dir of require.resolve.paths(pkg) ?? []) {
    const manifest = join(dir, pkg, 'package.json');
    if (existsSync(manifest))
      return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  }
  throw new Error(`${pkg} is not installed`);
};
