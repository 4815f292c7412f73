import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles } from './cycles.js';
import { ROOT } from './repo.js';

const SOURCES = ['packages/*/src/**/*.ts', 'apps/*/src/**/*.ts', 'docker/src/**/*.ts'];

const work = mkdtempSync(join(tmpdir(), 'mcp-cycles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('import cycles', () => {
  it('are found, type-only imports included', async () => {
    // Each import is resolved as TypeScript does, with the nearest tsconfig.json (`./b.js` is b.ts).
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { moduleResolution: 'bundler' } }),
    );
    writeFileSync(join(work, 'a.ts'), "import type { B } from './b.js';\nexport interface A { b: B }\n");
    writeFileSync(join(work, 'b.ts'), "import { c } from './c.js';\nexport interface B { c: typeof c }\n");
    writeFileSync(join(work, 'c.ts'), "import type { A } from './a.js';\nexport const c = (a: A) => a;\n");
    writeFileSync(join(work, 'd.ts'), "import { c } from './c.js';\nexport const d = c;\n");
    const cycles = await importCycles(work, ['*.ts']);
    expect(cycles.map((files) => [...files].sort())).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  // Parsing some 500 files takes seconds, more on a loaded machine.
  it('none in the sources of any package or app', { timeout: 120_000 }, async () => {
    expect(await importCycles(ROOT, SOURCES)).toEqual([]);
  });
});
