import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readRepoFile } from './repo.js';

interface Manifest {
  name: string;
  type?: string;
  files?: string[];
  scripts?: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
}

const dirs = (parent: string): string[] =>
  readdirSync(join(ROOT, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, parent, entry.name, 'package.json')))
    .map((entry) => `${parent}/${entry.name}`);

const manifest = (dir: string): Manifest => JSON.parse(readRepoFile(`${dir}/package.json`)) as Manifest;

const LIBRARIES = dirs('packages');

describe('workspace packages', () => {
  it.each([...LIBRARIES, ...dirs('apps')])('%s has build, dev, typecheck, lint and test scripts', (dir) => {
    const { name, scripts = {} } = manifest(dir);
    expect(Object.keys(scripts)).toEqual(
      expect.arrayContaining(['build', 'dev', 'typecheck', 'lint', 'test']),
    );
    expect(scripts.test).toBe(`vitest run --config ../../vitest.config.ts --project ${name}`);
  });

  // Published shape (types first, dist only), while the workspace itself runs src/ through the
  // @mcp/source condition: tests and dev runs need no build step.
  it.each(LIBRARIES)('%s exports its built files, types first, and its sources under @mcp/source', (dir) => {
    const pkg = manifest(dir);
    expect(pkg.type).toBe('module');
    expect(pkg.files?.filter((f) => f !== 'bin')).toEqual(['dist']);
    expect(readRepoFile(`${dir}/tsdown.config.ts`)).toContain('lib.tsdown.ts');
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      const out = subpath === '.' ? 'index' : subpath.slice(2);
      expect(typeof target).toBe('object');
      const conditions = target as Record<string, string>;
      expect(Object.keys(conditions)).toEqual(['types', '@mcp/source', 'default']);
      expect(conditions.types).toBe(`./dist/${out}.d.ts`);
      expect(conditions.default).toBe(`./dist/${out}.js`);
      expect(existsSync(join(ROOT, dir, conditions['@mcp/source'] ?? ''))).toBe(true);
    }
  });
});
