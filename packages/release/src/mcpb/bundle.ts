import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppId } from '@mcp/cli';
import { exec } from '@mcp/cli';
import { must } from '../build.js';
import type { Repository } from '../repository.js';
import { ENTRY_POINT, mcpbManifest } from './manifest.js';

/** The mcpb CLI of this package (`@anthropic-ai/mcpb`, pinned in the catalog). */
export const mcpbBin = (root: string): string =>
  join(root, 'packages', 'release', 'node_modules', '.bin', 'mcpb');

export const bundleFileName = (app: AppId, version: string): string => `mcp-fr-${app}-${version}.mcpb`;

/** `mcpb validate <manifest.json>`: the CLI's own schema check; throws with its output when invalid. */
export const validateManifest = (root: string, manifestPath: string) =>
  must('mcpb validate', exec(mcpbBin(root), ['validate', manifestPath], { cwd: root }));

/**
 * Stages and packs one app's MCP Bundle: manifest.json, the built bundle as server/main.js (nothing
 * else to install: every dependency is inlined), README and LICENSE; validated, then `mcpb pack`.
 * Returns the .mcpb path and its SHA-256 (the MCP Registry's server.json carries it).
 */
export const packBundle = async (
  root: string,
  app: AppId,
  options: { bundle: string; version: string; repo: Repository; stageDir: string; outDir: string },
): Promise<{ file: string; sha256: string }> => {
  const { stageDir, outDir } = options;
  await rm(stageDir, { recursive: true, force: true });
  await mkdir(join(stageDir, 'server'), { recursive: true });
  await mkdir(outDir, { recursive: true });
  const manifestPath = join(stageDir, 'manifest.json');
  const manifest = mcpbManifest(app, options.version, options.repo);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  await copyFile(options.bundle, join(stageDir, ENTRY_POINT));
  await copyFile(join(root, 'apps', app, 'README.md'), join(stageDir, 'README.md'));
  await copyFile(join(root, 'LICENSE'), join(stageDir, 'LICENSE'));
  await validateManifest(root, manifestPath);
  const file = join(outDir, bundleFileName(app, options.version));
  await must('mcpb pack', exec(mcpbBin(root), ['pack', stageDir, file], { cwd: stageDir }));
  const sha256 = createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
  return { file, sha256 };
};
