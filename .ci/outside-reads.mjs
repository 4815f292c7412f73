// Loaded into the vitest processes by .ci/test (NODE_OPTIONS=--import): records every existing path a
// test reads or probes outside the repository into $MCP_OUTSIDE_READS_LOG. Allowed: the temp
// directory and the system's own files (/usr, /etc, /proc…), which every machine has. .ci/test then fails the run when that log is not empty, naming each path, so
// a test that needs a folder next to the repository (as `../shared/fixtures` once was) cannot pass in CI
// and then fail on a fresh clone.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const log = process.env.MCP_OUTSIDE_READS_LOG;
// Only vitest's test workers: not vitest's own state, not pnpm, not the tools tests start.
const isTestProcess = /[\\/]vitest[\\/]dist[\\/]workers[\\/]/.test(process.argv[1] ?? '');

if (log && isTestProcess) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const realTmp = (() => {
    try {
      return fs.realpathSync(tmpdir());
    } catch {
      return tmpdir();
    }
  })();
  const withSep = (p) => (p.endsWith(sep) ? p : p + sep);
  const system = [
    '/usr',
    '/etc',
    '/lib',
    '/lib64',
    '/bin',
    '/sbin',
    '/opt',
    '/proc',
    '/sys',
    '/dev',
    '/run',
    '/var/lib',
    '/nix',
    '/System',
    '/Library',
    '/private/etc',
    '/private/var/db',
  ];
  const allowed = [root, tmpdir(), realTmp, ...system].map(withSep);
  const exists = fs.existsSync;
  const seen = new Set();
  const write = fs.appendFileSync;

  const check = (path) => {
    let text;
    if (typeof path === 'string') text = path;
    else if (path instanceof URL) text = path.protocol === 'file:' ? fileURLToPath(path) : undefined;
    else if (Buffer.isBuffer(path)) text = path.toString();
    if (text === undefined) return;
    const absolute = resolve(text);
    const under = (prefix) => (absolute + sep).startsWith(prefix);
    if (allowed.some(under)) return;
    // Module resolution probes parent folders for node_modules: only a path that exists matters.
    if (seen.has(absolute) || !exists(absolute)) return;
    seen.add(absolute);
    write(log, `${absolute}\n`);
  };

  const wrap = (target, names) => {
    for (const name of names) {
      const original = target[name];
      if (typeof original !== 'function') continue;
      // Keep the original's own properties (promisify.custom on exists…) on the wrapper.
      target[name] = Object.assign(function guarded(path, ...rest) {
        check(path);
        return original.call(this, path, ...rest);
      }, original);
    }
  };
  const names = [
    'readFileSync',
    'readFile',
    'readdirSync',
    'readdir',
    'openSync',
    'open',
    'statSync',
    'stat',
    'lstatSync',
    'lstat',
    'existsSync',
    'exists',
    'accessSync',
    'access',
    'createReadStream',
    'opendirSync',
    'opendir',
    'cpSync',
    'cp',
    'copyFileSync',
    'copyFile',
  ];
  wrap(fs, names);
  wrap(fs.promises, names);
  // `import { readFileSync } from 'node:fs'` binds the ESM exports: make them the wrapped functions too.
  syncBuiltinESMExports();
}
