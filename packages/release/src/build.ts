import { join } from 'node:path';
import { type Exec, exec } from '@mcp/cli';
import type { PackTarget } from './apps.js';

export const sourceDir = (root: string, target: PackTarget): string =>
  target === 'cli' ? join(root, 'packages', 'cli') : join(root, 'apps', target);

export const must = async (what: string, result: Promise<Exec>): Promise<Exec> => {
  const r = await result;
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.stderr || r.stdout}`);
  return r;
};

/**
 * Builds one self-contained `main.js` with the target's own tsdown config (every dependency inlined)
 * into `outDir`, leaving the package's dist/ alone; returns the file. The npm tarball and the .mcpb
 * bundle of an app ship this same file.
 */
export const buildBundle = async (root: string, target: PackTarget, outDir: string): Promise<string> => {
  await must(
    `tsdown (${target})`,
    exec(join(root, 'node_modules', '.bin', 'tsdown'), ['--out-dir', outDir, '-l', 'warn'], {
      cwd: sourceDir(root, target),
    }),
  );
  return join(outDir, 'main.js');
};
