import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_IDS, type AppId } from '@mcp/cli';
import type { PackTarget } from './apps.js';
import { buildBundle } from './build.js';
import { bundleFileName, packBundle } from './mcpb/bundle.js';
import { packStaged, stagePackage } from './npm/stage.js';
import { releaseAssetUrl, serverJson } from './registry/server-json.js';
import type { Repository } from './repository.js';

export interface AppArtifacts {
  app: AppId;
  tarball: string;
  mcpb: string;
  mcpbSha256: string;
  serverJson: string;
}

export interface ReleaseArtifacts {
  version: string;
  apps: AppArtifacts[];
  /** @mcp-fr/cli, when asked for. */
  cli?: string;
}

export interface ReleaseOptions {
  version: string;
  repo: Repository;
  /** `npm/`, `mcpb/`, `registry/<app>/server.json` and a `.work/` folder go there. */
  outDir: string;
  apps?: readonly AppId[];
  cli?: boolean;
}

/** At most `limit` builds at once: each tsdown run wants a core of its own. */
const mapLimit = async <T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

/**
 * Everything a release ships, from one build per target: for each app the npm tarball (with its
 * server.json), the .mcpb bundle and the registry's server.json (which carries the bundle's hash);
 * and @mcp-fr/cli.
 */
export const buildRelease = async (root: string, options: ReleaseOptions): Promise<ReleaseArtifacts> => {
  const { version, repo, outDir } = options;
  const apps = options.apps ?? APP_IDS;
  const work = join(outDir, '.work');
  const targets: PackTarget[] = options.cli === false ? [...apps] : [...apps, 'cli'];
  const bundles = new Map<PackTarget, string>();
  await mapLimit(targets, 3, async (target) => {
    bundles.set(target, await buildBundle(root, target, join(work, 'build', target)));
  });
  const release = { version, repo };
  const built = await Promise.all(
    apps.map(async (app): Promise<AppArtifacts> => {
      const bundle = bundles.get(app) as string;
      const mcpb = await packBundle(root, app, {
        bundle,
        version,
        repo,
        stageDir: join(work, 'mcpb', app),
        outDir: join(outDir, 'mcpb'),
      });
      const json = serverJson(app, version, repo, {
        url: releaseAssetUrl(repo, version, bundleFileName(app, version)),
        sha256: mcpb.sha256,
      });
      const registryDir = join(outDir, 'registry', app);
      await mkdir(registryDir, { recursive: true });
      const serverJsonPath = join(registryDir, 'server.json');
      await writeFile(serverJsonPath, `${JSON.stringify(json, null, 2)}\n`);
      const stage = await stagePackage(root, app, join(work, 'npm', app), {
        ...release,
        bundle,
        serverJson: json,
      });
      const tarball = await packStaged(stage, join(outDir, 'npm'));
      return { app, tarball, mcpb: mcpb.file, mcpbSha256: mcpb.sha256, serverJson: serverJsonPath };
    }),
  );
  const cliBundle = bundles.get('cli');
  const cli = cliBundle
    ? await packStaged(
        await stagePackage(root, 'cli', join(work, 'npm', 'cli'), { ...release, bundle: cliBundle }),
        join(outDir, 'npm'),
      )
    : undefined;
  return { version, apps: built, ...(cli ? { cli } : {}) };
};
