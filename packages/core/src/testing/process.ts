import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * `node --conditions=@mcp/source --import tsx <entry>`: runs a TypeScript entry as a real process, no
 * build step (the condition points the workspace packages at their sources).
 */
export const tsxNodeArgs = (entry: string, args: readonly string[] = []): string[] => {
  const tsx = createRequire(join(here, 'package.json')).resolve('tsx');
  return ['--conditions=@mcp/source', '--import', tsx, entry, ...args];
};

export const exampleEntry = join(here, 'example-main.ts');

export interface SpawnedServer {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves once stderr/stdout contains `text`. */
  waitFor: (text: string | RegExp, timeoutMs?: number) => Promise<void>;
}

export const spawnServer = (
  entry: string,
  options: { env?: Record<string, string>; args?: string[] } = {},
): SpawnedServer => {
  const child = spawn(process.execPath, tsxNodeArgs(entry, options.args), {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiters) w();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
    for (const w of waiters) w();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = (text: string | RegExp, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        const all = out + err;
        if (typeof text === 'string' ? all.includes(text) : text.test(all)) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${String(text)}; output so far:\n${out}\n${err}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return { child, stdout: () => out, stderr: () => err, exited, waitFor };
};
