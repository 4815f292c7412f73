import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';
import { Redis } from 'ioredis';

/** A free loopback port (bound then released). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const answersPing = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface TestRedis {
  url: string;
  port: number;
  /** Kills the server (SIGKILL: no goodbye to clients, as a crash). */
  kill: () => Promise<void>;
  /** Starts it again on the same port, empty. */
  restart: () => Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open, commands hang — a stalled server. */
  pause: () => void;
  resume: () => void;
  /** Stops it for good. */
  stop: () => Promise<void>;
}

/**
 * A private, throw-away `redis-server` on a free loopback port (no persistence), for tests that kill
 * Redis mid-run: never the machine's shared Redis. Needs `redis-server` on PATH.
 */
export const startRedisServer = async (options: { bin?: string } = {}): Promise<TestRedis> => {
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const proc = spawn(
      options.bin ?? 'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    child = proc;
    const failed = new Promise<Error>((resolve) => proc.once('error', resolve));
    for (let i = 0; i < 100; i += 1) {
      const error = await Promise.race([failed, sleep(50).then(() => undefined)]);
      if (error) throw new Error(`cannot start redis-server: ${error.message}`);
      if (await answersPing(port)) return;
    }
    throw new Error(`redis-server did not answer on port ${port} within 5 s`);
  };

  const kill = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: start,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    stop: async () => {
      child?.kill('SIGCONT'); // a frozen process does not act on SIGKILL until continued on some systems
      await kill();
    },
  };
};

/** A key prefix no other test run uses: `mcp:test:<label>:<random>:`. */
export const uniqueRedisPrefix = (label: string): string =>
  `mcp:test:${label}:${process.pid}-${Math.random().toString(36).slice(2, 10)}:`;

/** Deletes every key under `prefix` (SCAN, never KEYS); returns how many went. */
export const deleteRedisKeys = async (url: string, prefix: string): Promise<number> => {
  const client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
  try {
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await client.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    client.disconnect();
  }
};
