import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { basicHeader } from '@mcp/core';
import { TEST_CREDENTIAL } from '@mcp/core/testing';
import type { HeapFigures } from './stdin-answers.js';

const tsx = createRequire(import.meta.url).resolve('tsx');
const entry = fileURLToPath(new URL('./serve-app.ts', import.meta.url));

export interface AppProcess {
  child: ChildProcess;
  url: string;
  mcpUrl: string;
  authorization: string;
  /** The env the app got for its loopback upstreams (ports of the replay servers). */
  env: Record<string, string>;
  /** Resident set size of the app process, MB. */
  rssMb: () => number;
  /** Runs a full GC in the app (when started with --expose-gc); resolves with its heap figures (MB). */
  collect: () => Promise<HeapFigures>;
  /** Requests the app's upstreams have received. */
  upstreamRequests: () => Promise<number>;
  /** Exit code once exited, or undefined while it runs. */
  exitCode: () => number | null | undefined;
  stderr: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Resident set size of a live process in MB; 0 once it has exited. */
export const rssOf = (pid: number): number => {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 0;
  }
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 102.4) / 10;
};

/** Starts `serve-app.ts <app>` as a real process and resolves once it listens. */
export const spawnApp = (
  app: string,
  options: { env?: Record<string, string>; nodeArgs?: string[]; entry?: string } = {},
): Promise<AppProcess> =>
  new Promise((resolve, reject) => {
    const args = options.entry
      ? [...(options.nodeArgs ?? []), options.entry, app]
      : [...(options.nodeArgs ?? []), '--conditions=@mcp/source', '--import', tsx, entry, app];
    const child = spawn(process.execPath, args, {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        APP_ENV_JSON: JSON.stringify(options.env ?? {}),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let code: number | null | undefined;
    const counters: Array<(n: number) => void> = [];
    const collectors: Array<(h: HeapFigures) => void> = [];
    const exited = new Promise<number | null>((r) =>
      child.once('exit', (c) => {
        code = c;
        r(c);
      }),
    );
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      for (const m of out.matchAll(/COUNT (\d+)\n/g)) counters.shift()?.(Number(m[1]));
      out = out.replace(/COUNT \d+\n/g, '');
      for (const m of out.matchAll(/GC (.+)\n/g))
        collectors.shift()?.(JSON.parse(m[1] ?? '{}') as HeapFigures);
      out = out.replace(/GC .+\n/g, '');
      const ready = /READY (.+)\n/.exec(out);
      if (ready?.[1] && !started) {
        started = true;
        const info = JSON.parse(ready[1]) as { url: string; env: Record<string, string> };
        resolve({
          child,
          url: info.url,
          mcpUrl: `${info.url}/mcp`,
          authorization: basicHeader(TEST_CREDENTIAL),
          env: info.env,
          rssMb: () => rssOf(child.pid ?? 0),
          collect: () =>
            new Promise<HeapFigures>((r) => {
              collectors.push(r);
              child.stdin.write('gc\n');
            }),
          upstreamRequests: () =>
            new Promise<number>((r) => {
              counters.push(r);
              child.stdin.write('count\n');
            }),
          exitCode: () => code,
          stderr: () => err,
          stop: async (signal = 'SIGTERM') => {
            if (code === undefined) child.kill(signal);
            return exited;
          },
        });
      }
    });
    let started = false;
    void exited.then((c) => {
      if (!started) reject(new Error(`${app} exited with ${c} before listening:\n${err}`));
    });
  });
