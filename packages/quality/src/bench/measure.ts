import { spawn } from 'node:child_process';
import { type CannonResult, cannon } from '../support/cannon.js';
import { rssOf } from '../support/spawn-app.js';

export interface Row extends CannonResult {
  name: string;
  idleRssMb: number;
  loadedRssMb: number;
}

/** Starts a core bench server (prints `PORT=n`); resolves with the process and its port. */
const startBaseline = (entry: string, env: Record<string, string>) => {
  const child = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      BENCH_PASSWORD: process.env.BENCH_PASSWORD ?? '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT=(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  return { child, port };
};

/** Idle RSS of a bench server 300 ms after it listens (the floor breakdown). */
export const idleRss = async (entry: string, env: Record<string, string> = {}): Promise<number> => {
  const { child, port } = startBaseline(entry, env);
  try {
    await port;
    await new Promise((r) => setTimeout(r, 300));
    return rssOf(child.pid ?? 0);
  } finally {
    child.kill('SIGTERM');
  }
};

/** Starts a core bench server, warms it, measures it, stops it. */
export const measureBaseline = async (
  name: string,
  entry: string,
  body: string,
  opts: { seconds: number; connections: number; authorization?: string; env?: Record<string, string> },
): Promise<Row> => {
  const { child, port: listening } = startBaseline(entry, opts.env ?? {});
  try {
    const port = await listening;
    const url = `http://127.0.0.1:${port}/mcp`;
    await new Promise((r) => setTimeout(r, 300));
    const idleRssMb = rssOf(child.pid ?? 0);
    const auth = opts.authorization ? { authorization: opts.authorization } : {};
    await cannon({ url, body, connections: opts.connections, seconds: 2, ...auth });
    const r = await cannon({ url, body, connections: opts.connections, seconds: opts.seconds, ...auth });
    return { name, ...r, idleRssMb, loadedRssMb: rssOf(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
  }
};
