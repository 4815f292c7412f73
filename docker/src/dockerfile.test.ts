import { describe, expect, it } from 'vitest';
import { DEPLOYABLES, readRepoFile } from './repo.js';

/** Instructions with their continuation lines joined, comments dropped, split by stage. */
const stages = (text: string): Map<string, string[]> => {
  const joined = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\s*\\\n\s*/g, ' ');
  const result = new Map<string, string[]>();
  let current = 'global';
  for (const line of joined.split('\n').map((l) => l.trim())) {
    if (!line) continue;
    const from = /^FROM\s+.*\s+AS\s+(\S+)$/i.exec(line);
    if (from) current = from[1]!;
    result.set(current, [...(result.get(current) ?? []), line]);
  }
  return result;
};

const dockerfile = stages(readRepoFile('docker/Dockerfile'));
const build = dockerfile.get('build') ?? [];
const runtime = dockerfile.get('runtime') ?? [];
const indexOf = (lines: string[], pattern: RegExp) => lines.findIndex((line) => pattern.test(line));

describe('docker/Dockerfile', () => {
  it('builds on node:24-bookworm-slim, in two stages', () => {
    expect(dockerfile.get('global')).toEqual(['ARG NODE_IMAGE=node:24-bookworm-slim']);
    expect(build[0]).toBe(`FROM --platform=\${BUILDPLATFORM:-linux/amd64} \${NODE_IMAGE} AS build`);
    expect(runtime[0]).toBe(`FROM \${NODE_IMAGE} AS runtime`);
  });

  it('fetches the lockfile’s packages before copying the sources, and installs offline from them', () => {
    const manifests = indexOf(build, /^COPY package\.json pnpm-lock\.yaml pnpm-workspace\.yaml \.\/$/);
    const fetch = indexOf(build, /pnpm fetch$/);
    const sources = indexOf(build, /^COPY \. \.$/);
    const install = indexOf(build, /^RUN pnpm install --offline --frozen-lockfile$/);
    expect(manifests).toBeGreaterThan(0);
    expect(fetch).toBeGreaterThan(manifests);
    expect(sources).toBeGreaterThan(fetch);
    expect(install).toBe(sources + 1);
    // APP comes after the install so every app shares every layer up to the bundle.
    expect(indexOf(build, /^ARG APP$/)).toBe(install + 1);
  });

  it('builds any app, the all-in-one included, and names them all when APP is missing', () => {
    const check = build.find((line) => line.includes('test -n "$APP"')) ?? '';
    expect(check).toContain('pnpm --filter "./apps/$APP" run build');
    const usage = /APP=<([^>]+)>/.exec(check)?.[1]?.split('|') ?? [];
    expect(usage.sort()).toEqual([...DEPLOYABLES].sort());
  });

  it('ships only the bundle, as the unprivileged node user, in production mode', () => {
    expect(runtime.filter((line) => /^(COPY|ADD|RUN)\b/.test(line))).toEqual([
      'COPY --from=build /out/ /app/',
    ]);
    expect(runtime).toContain('USER node');
    // NODE_OPTIONS (V8 heap sizing, docs/benchmarks.md) follows on the same ENV instruction.
    expect(runtime.some((line) => line.startsWith('ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080'))).toBe(
      true,
    );
    expect(runtime).toContain('EXPOSE 8080');
    expect(runtime).toContain('STOPSIGNAL SIGTERM');
    // V8 heap flags NODE_OPTIONS refuses ride on the command line (docs/benchmarks.md, pnpm bench).
    expect(runtime.at(-1)).toBe('CMD ["node", "--heap-growing-percent=10", "dist/main.js"]');
  });

  it('checks health with node on GET / (not /mcp, which answers 401; no curl in slim images)', () => {
    const health = runtime.find((line) => line.startsWith('HEALTHCHECK')) ?? '';
    expect(health).toMatch(/--interval=10s --timeout=3s --start-period=10s --retries=3 CMD \["node", "-e", /);
    expect(health).toContain("'http://127.0.0.1:'+(process.env.PORT||8080)+'/'");
    expect(health).not.toMatch(/\/mcp|curl|wget/);
  });
});

describe('.dockerignore', () => {
  const ignored = readRepoFile('.dockerignore')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));

  it('keeps dependencies, outputs, git and secrets out of the build context', () => {
    for (const entry of ['**/node_modules', '**/dist', '.git', '.env', '.env.*', '**/*.test.ts']) {
      expect(ignored).toContain(entry);
    }
  });

  it('keeps the manifests pnpm needs for a frozen install', () => {
    for (const entry of ignored) expect(entry).not.toMatch(/package\.json|pnpm-|^docker\/?$|^apps|^packages/);
  });
});
