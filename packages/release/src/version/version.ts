import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * One version for the whole repository, kept in the root package.json. `pnpm release:version X.Y.Z`
 * writes it into every workspace package.json; the apps read theirs at build time (`serverInfo.version`),
 * and the npm tarballs, server.json files and .mcpb manifests are generated from it by `release:pack`.
 */

// Semantic Versioning 2.0.0, without build metadata (npm drops it and the registry rejects duplicates).
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export const isVersion = (value: string): boolean => SEMVER.test(value);

/** Where workspace packages live (pnpm-workspace.yaml's `packages`). */
const WORKSPACE_DIRS = ['packages', 'apps'] as const;
const WORKSPACE_SINGLES = ['docker'] as const;

/** The root package.json and every workspace package's, as paths. */
export const manifestPaths = async (root: string): Promise<string[]> => {
  const paths = [join(root, 'package.json'), ...WORKSPACE_SINGLES.map((d) => join(root, d, 'package.json'))];
  for (const dir of WORKSPACE_DIRS) {
    const entries = await readdir(join(root, dir), { withFileTypes: true });
    for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      paths.push(join(root, dir, e.name, 'package.json'));
    }
  }
  return paths;
};

const readManifest = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as { version?: string };

export const readVersion = async (root: string): Promise<string> => {
  const { version } = await readManifest(join(root, 'package.json'));
  if (!version || !isVersion(version)) throw new Error(`root package.json: no valid "version" (${version})`);
  return version;
};

/** `{ "apps/serp/package.json": "0.1.0", … }` */
export const workspaceVersions = async (root: string): Promise<Record<string, string | undefined>> => {
  const out: Record<string, string | undefined> = {};
  for (const path of await manifestPaths(root))
    out[relative(root, path)] = (await readManifest(path)).version;
  return out;
};

/**
 * Sets `version` in every workspace package.json, keeping the rest of each file byte for byte
 * (only the first top-level `"version"` line is rewritten, so key order and formatting stay).
 */
export const setVersion = async (root: string, version: string): Promise<string[]> => {
  if (!isVersion(version)) throw new Error(`"${version}" is not a semantic version (X.Y.Z or X.Y.Z-pre.N)`);
  const changed: string[] = [];
  for (const path of await manifestPaths(root)) {
    const text = await readFile(path, 'utf8');
    const next = text.replace(/^(\s{2}"version":\s*)"[^"]*"/m, `$1"${version}"`);
    if (next === text && (JSON.parse(text) as { version?: string }).version !== version) {
      throw new Error(`${relative(root, path)}: no top-level "version" line to set`);
    }
    if (next !== text) {
      await writeFile(path, next);
      changed.push(relative(root, path));
    }
  }
  return changed;
};
