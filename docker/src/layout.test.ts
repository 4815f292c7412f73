import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAppLayout, moduleSpecifiers } from './layout.js';
import { DEPLOYABLES, ROOT } from './repo.js';

describe('the one app layout (src/ shape and import direction)', () => {
  it.each(DEPLOYABLES)('apps/%s follows it', (app) => {
    expect(checkAppLayout(join(ROOT, 'apps', app, 'src'), ROOT)).toEqual([]);
  });
});

describe('moduleSpecifiers', () => {
  it('reads static, type-only, re-exported, namespace re-exported, dynamic and import-type specifiers', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "export { c } from './c.js';",
      "export * as d from './d.js';",
      "import './e.js';",
      "const f = await import('./f.js');",
      "type G = import('./g.js').G;",
      "import h = require('./h.js');",
      "const notAnImport = 'from ./i.js';",
    ].join('\n');
    expect(moduleSpecifiers('x.ts', text)).toEqual([
      './a.js',
      './b.js',
      './c.js',
      './d.js',
      './e.js',
      './f.js',
      './g.js',
      './h.js',
    ]);
  });
});

describe('checkAppLayout on a planted app', () => {
  const root = mkdtempSync(join(tmpdir(), 'mcp-layout-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const plant = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(root, 'app-'));
    const src = join(dir, 'src');
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(src, path)), { recursive: true });
      writeFileSync(join(src, path), text);
    }
    return src;
  };

  const tool = (name: string, extra = '') =>
    `import { defineTool } from '@mcp/core';\n${extra}export const t = () => defineTool({ name: '${name}' });\n`;

  /** A minimal app that follows every rule. */
  const GOOD: Record<string, string> = {
    'main.ts':
      "import { runMain } from '@mcp/core';\nimport { xServer } from './server.js';\n\nawait runMain(xServer);\n",
    'server.ts':
      "import { createXDeps } from './deps.js';\nimport { xTools } from './tools/index.js';\nexport const xServer = { tools: (ctx: unknown) => xTools(createXDeps(ctx)) };\n",
    'config.ts': 'export const xEnv = {};\n',
    'deps.ts':
      "import { client } from './upstream/client.js';\nexport const createXDeps = (_ctx: unknown) => ({ client });\n",
    'index.ts': "export { xServer } from './server.js';\n",
    'schemas.ts': 'export const s = 1;\n',
    'server.test.ts': "import { helper } from './testing/helper.js';\nhelper();\n",
    'tools/index.ts': "import { t } from './get_thing.js';\nexport const xTools = () => [t()];\n",
    'tools/get_thing.ts': tool('get_thing', "import { lookup } from '../service/lookup.js';\n"),
    'tools/get_thing.test.ts': "import { helper } from '../testing/helper.js';\nhelper();\n",
    'service/lookup.ts':
      "import { client } from '../upstream/client.js';\nimport { s } from '../schemas.js';\nexport const lookup = () => [client, s];\n",
    'upstream/client.ts': 'export const client = {};\n',
    'testing/helper.ts':
      "import { lookup } from '../service/lookup.js';\nexport const helper = () => lookup();\n",
  };

  it('passes an app that follows the layout', () => {
    const src = plant(GOOD);
    expect(checkAppLayout(src, root)).toEqual([]);
  });

  it('names the file and the broken rule for each planted violation', () => {
    const src = plant({
      ...GOOD,
      // Folders: an unknown top-level folder and file, a helper and a folder in tools/, a tool without
      // its test, a test without its tool, a tool file named after another tool, a long main.ts.
      'extract/page.ts': 'export const page = 1;\n',
      'helpers.ts': 'export const h = 1;\n',
      'tools/shared.ts': 'export const shared = 1;\n',
      'tools/sub/x.ts': 'export const x = 1;\n',
      'tools/list_things.ts': tool('list_things', 'export const toRef = (x: string) => x;\n'),
      'tools/gone.test.ts': 'export {};\n',
      'tools/find_thing.ts': tool('other_name'),
      'tools/find_thing.test.ts': 'export {};\n',
      'main.ts': `${'// line\n'.repeat(9)}await 0;\n`,
      // Imports: upstream → service (type-only), upstream → deps.ts through an index-less path,
      // service → tools (dynamic), service → server.ts (import type node), production → testing/ and
      // → a test file.
      'upstream/client.ts':
        "import type { lookup } from '../service/lookup.js';\nexport { createXDeps } from '../deps.js';\nexport const client = {} as typeof lookup;\n",
      'service/lookup.ts':
        "export const lookup = async () => (await import('../tools/get_thing.js')).t;\nexport type S = import('../server.js').X;\n",
      'service/other.ts':
        "import { helper } from '../testing/helper.js';\nimport '../server.test.js';\nexport const o = helper;\n",
    });
    const problems = checkAppLayout(src, root);
    const at = (file: string) =>
      problems.filter((p) => p.startsWith(`${src.slice(root.length + 1)}/${file}:`));
    expect(at('extract')).toEqual([expect.stringContaining('not an entry of the app layout')]);
    expect(at('helpers.ts')).toEqual([expect.stringContaining('not an entry of the app layout')]);
    expect(at('main.ts')).toEqual([expect.stringContaining('10 lines, main.ts stays at most 8')]);
    expect(at('tools/shared.ts')).toEqual([
      expect.stringContaining('defines the one tool "shared" (found none)'),
      expect.stringContaining('every tool has its test file'),
    ]);
    expect(at('tools/sub')).toEqual([expect.stringContaining('no folder')]);
    expect(at('tools/list_things.ts')).toEqual([
      expect.stringContaining('exports its tool only; helpers go to service/'),
      expect.stringContaining('tools/list_things.test.ts is missing'),
    ]);
    expect(at('tools/gone.test.ts')).toEqual([expect.stringContaining('there is no tools/gone.ts')]);
    expect(at('tools/find_thing.ts')).toEqual([expect.stringContaining('found "other_name"')]);
    expect(at('upstream/client.ts')).toEqual([
      expect.stringContaining('"../service/lookup.js" (upstream/ never imports from service/)'),
      expect.stringContaining('"../deps.js" (upstream/ never imports from deps.ts)'),
    ]);
    expect(at('service/lookup.ts')).toEqual([
      expect.stringContaining('"../tools/get_thing.js" (service/ never imports from tools/)'),
      expect.stringContaining('"../server.js" (service/ never imports from server.ts)'),
    ]);
    expect(at('service/other.ts')).toEqual([
      expect.stringContaining('"../testing/helper.js" (production code never imports from testing/)'),
      expect.stringContaining('"../server.test.js" (production code never imports a *.test.ts)'),
    ]);
    expect(problems).toHaveLength(16);
  });

  it('reports missing required files', () => {
    const { 'deps.ts': _deps, 'tools/index.ts': _index, ...rest } = GOOD;
    const problems = checkAppLayout(plant(rest), root);
    expect(problems).toEqual([
      expect.stringMatching(/src\/deps\.ts: missing \(every app has deps\.ts\)$/),
      expect.stringMatching(/src\/tools\/index\.ts: missing/),
      // server.ts imported the missing files: an unresolved specifier is not an import rule's business.
    ]);
  });
});
