import { spawn } from 'node:child_process';
import type { CannonResult } from '../support/cannon.js';
import { rest } from '../support/rest.js';
import { rssOf } from '../support/spawn-app.js';

export interface Row extends CannonResult {
  name: string;
  idleRssMb: number;
  loadedRssMb: number;
}

/** A running core bench server (raw Fastify, the SDK pattern, core's stack, the floor). */
export interface Baseline {
  url: string;
  rssMb: () => number;
  stop: () => void;
}

/** Starts a core bench server (prints `PORT=n`) and resolves once it listens. */
export const startBaseline = async (
  entry: string,
  options: { env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<Baseline> => {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      BENCH_PASSWORD: process.env.BENCH_PASSWORD ?? '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT=(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    rssMb: () => rssOf(child.pid ?? 0),
    stop: () => child.kill('SIGTERM'),
  };
};

/** Idle RSS of a bench server, read IDLE_AFTER_MS after it listens (the floor breakdown). */
export const idleRss = async (
  entry: string,
  options: { env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<number> => {
  const server = await startBaseline(entry, options);
  try {
    await rest();
    return server.rssMb();
  } finally {
    server.stop();
  }
};
