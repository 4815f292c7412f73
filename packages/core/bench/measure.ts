import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Target {
  name: string;
  entry: string;
  headers?: Record<string, string>;
  body: string;
  path?: string;
}

export interface Measurement {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  idleRssMb: number;
  loadedRssMb: number;
}

export const rssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
};

export const startProcess = (
  entry: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number }> =>
  new Promise((resolve, reject) => {
    // BENCH_PROFILE=<dir> writes a V8 CPU profile of each server (open it in Chrome DevTools).
    const profile = process.env.BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
      : [];
    const child = spawn(process.execPath, [...profile, entry], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        BENCH_PASSWORD: process.env.BENCH_PASSWORD ?? '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT=(\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code} before listening`)));
  });

const load = (url: string, target: Target, seconds: number, connections: number) =>
  autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-06-18',
      ...target.headers,
    },
    body: target.body,
  });

/** Warm up, then measure one server alone; the process is stopped afterwards. */
export const measure = async (
  target: Target,
  opts: { seconds: number; connections: number },
): Promise<Measurement> => {
  const { child, port } = await startProcess(target.entry);
  try {
    const url = `http://127.0.0.1:${port}${target.path ?? '/mcp'}`;
    await new Promise((r) => setTimeout(r, 300));
    const idleRssMb = rssMb(child.pid!);
    await load(url, target, 2, opts.connections);
    const result = await load(url, target, opts.seconds, opts.connections);
    const loadedRssMb = rssMb(child.pid!);
    return {
      name: target.name,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      idleRssMb,
      loadedRssMb,
    };
  } finally {
    child.kill('SIGTERM');
  }
};
