import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DOCKERFILE = fileURLToPath(new URL('../../../../docker/Dockerfile', import.meta.url));

/** The `NODE_OPTIONS` the Docker image sets, as Node arguments: the bench runs apps as the image does. */
export const imageNodeOptions = (dockerfile = readFileSync(DOCKERFILE, 'utf8')): string[] => {
  const m = /NODE_OPTIONS="([^"]*)"/.exec(dockerfile);
  return m?.[1]?.split(/\s+/).filter(Boolean) ?? [];
};
