import { dirname, join } from 'node:path';
import { exec } from '@mcp/cli';
import { must } from '../build.js';

/**
 * The Node lines the published packages promise to run on (engines `>=22.12`): the oldest supported
 * line and the current LTS. Pinned so that every run tests the same binaries; bump with the toolchain.
 */
export const NODE_LINES = { 22: '22.23.5', 24: '24.21.0' } as const;
export type NodeLine = keyof typeof NODE_LINES;

/**
 * The bin folder of a Node line: this process's own Node when it is of that line, else the pinned
 * version, fetched once from the npm registry into the toolchain cache by .ci/node.sh.
 */
export const nodeBinDir = async (root: string, line: NodeLine): Promise<string> => {
  if (process.versions.node.split('.')[0] === String(line)) return dirname(process.execPath);
  const r = await must(
    `.ci/node.sh ${NODE_LINES[line]}`,
    exec('bash', [join(root, '.ci', 'node.sh'), NODE_LINES[line]], { cwd: root, timeoutMs: 240_000 }),
  );
  return r.stdout.trim().split('\n').at(-1) as string;
};
