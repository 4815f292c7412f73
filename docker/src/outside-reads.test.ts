import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './repo.js';

// .ci/test loads .ci/outside-reads.mjs into every vitest worker; here it runs in a stand-in worker
// (a script under a `vitest/dist/workers/` path, which is how the guard recognises one).
const work = mkdtempSync(join(tmpdir(), 'mcp-outside-reads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const runProbe = (code: string, scriptDir = join(work, 'node_modules/vitest/dist/workers')) => {
  mkdirSync(scriptDir, { recursive: true });
  const script = join(scriptDir, 'probe.mjs');
  writeFileSync(script, code);
  const log = join(work, `log-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const result = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(ROOT, '.ci/outside-reads.mjs')).href, script],
    {
      env: { PATH: process.env.PATH ?? '', HOME: homedir(), MCP_OUTSIDE_READS_LOG: log },
      encoding: 'utf8',
      timeout: 20_000,
    },
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
};

const probe = `
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
const root = ${JSON.stringify(ROOT)};
readFileSync(join(root, 'package.json'));          // inside the repository: fine
await readFile(join(root, 'README.md'));
statSync('/etc/hosts');                             // system files: fine
existsSync(join(root, '..', 'no-such-sibling'));   // a probe that finds nothing: fine
existsSync(homedir());                              // outside, and it exists: recorded
`;

describe('.ci/outside-reads.mjs (the repository stands alone)', () => {
  it('records an existing path outside the repository, and nothing inside it or of the system', () => {
    expect(runProbe(probe)).toEqual([homedir()]);
  });

  it('records reads through node:fs/promises too', () => {
    const lines = runProbe(
      `import { readdir } from 'node:fs/promises'; await readdir(${JSON.stringify(homedir())});`,
    );
    expect(lines).toEqual([homedir()]);
  });

  it('stays out of processes that are not test workers (pnpm, tools the tests start)', () => {
    expect(runProbe(probe, join(work, 'bin'))).toEqual([]);
  });

  it('is loaded by .ci/test for both vitest runs, which fail when the log is not empty', () => {
    const script = readFileSync(join(ROOT, '.ci/test'), 'utf8');
    expect(script.match(/NODE_OPTIONS="\$\{NODE_OPTIONS:-\} \$guard"/g)).toHaveLength(2);
    expect(script).toContain('outside-reads.mjs');
    expect(script).toMatch(/if \[ -s "\$MCP_OUTSIDE_READS_LOG" \]; then[\s\S]*status=1/);
  });
});
