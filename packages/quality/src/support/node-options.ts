import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DOCKERFILE = fileURLToPath(new URL('../../../../docker/Dockerfile', import.meta.url));

/**
 * The Node flags the Docker image runs its app with, as Node arguments — those of `NODE_OPTIONS` and
 * those of `CMD ["node", …flags, "dist/main.js"]` (V8 refuses some flags in NODE_OPTIONS) — so that the
 * bench and the load suite run apps as the image does.
 */
export const imageNodeOptions = (dockerfile = readFileSync(DOCKERFILE, 'utf8')): string[] => {
  const env = /NODE_OPTIONS="([^"]*)"/.exec(dockerfile)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(dockerfile)?.[1];
  const argv = cmd ? (JSON.parse(cmd) as string[]) : [];
  const flags = argv[0] === 'node' ? argv.slice(1).filter((a) => a.startsWith('--')) : [];
  return [...env, ...flags];
};
