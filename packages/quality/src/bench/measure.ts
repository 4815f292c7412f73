import { spawn } from 'node:child_process';
import { type CannonResult, cannon } from '../support/cannon.js';
import { rssOf } from '../support/spawn-app.js';

export interface Row extends CannonResult {
  name: string;
  idleRssMb: number;
  loadedRssMb: number;
}

/** Starts a core bench server (prints `PORT=n`), warms it, measures it, stops it. */
export const measureBaseline = async (
  name: string,
  entry: string,
  body: string,
  opts: { seconds: number; connections: number; authorization?: string },
): Promise<Row> => {
  const child = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      BENCH_PASSWORD: process.env.BENCH_PASSWORD ?? '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /PORT=(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
    });
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
