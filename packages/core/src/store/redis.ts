import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createMemoryStore } from './memory.js';
import { createRedisOps } from './redis-ops.js';
import type { Release, Store } from './types.js';

export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` for TLS. */
  url: string;
  /**
   * Put before every key, e.g. `mcp:annuaire:`, so apps sharing one Redis never mix their state; host
   * rate buckets (`takeHost`) are the exception: they are shared on purpose.
   */
  prefix: string;
  /** Where host rate buckets live, shared by every prefix. Default `mcp:host:`. */
  hostNamespace?: string;
  log: Pick<Logger, 'warn' | 'info' | 'debug'>;
  /** Default 2000 ms. */
  connectTimeoutMs?: number;
  /** One command's time limit before the local fallback answers. Default 500 ms. */
  commandTimeoutMs?: number;
  /** Answers while Redis is unreachable. Default: a fresh in-memory store. */
  fallback?: Store;
}

export interface SharedStore extends Store {
  /** True while Redis answers; false while the local fallback does. */
  readonly shared: boolean;
}

type Mode = 'starting' | 'shared' | 'local';

// After a failed command on a connection that still looks up (a hung Redis), go local for this long
// before trying Redis again, so a stalled server costs one command timeout a second, not one per call.
const RETRY_SHARED_AFTER_MS = 1000;

/** Redacts the password of a Redis URL for logs. */
const safeUrl = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return 'redis://(unparseable)';
  }
};

/**
 * A Store on Redis shared by every replica, that degrades instead of failing: while Redis is down or
 * slow, a local in-memory store answers (rate limits per process, local cache and locks, failed-auth
 * counting still on), the switch is logged once each way, and the client reconnects by itself.
 */
export const createRedisStore = (options: RedisStoreOptions): SharedStore => {
  const { log } = options;
  const connectTimeout = options.connectTimeoutMs ?? 2000;
  const client = new Redis(options.url, {
    connectTimeout,
    commandTimeout: options.commandTimeoutMs ?? 500,
    // Fail fast rather than queue: a down Redis must hand the call to the fallback at once.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    // Reconnect for ever, at most every 2 s, so the shared state comes back on its own.
    retryStrategy: (times) => Math.min(100 * times, 2000),
    lazyConnect: false,
  });
  const ops = createRedisOps(client, options.prefix, options.hostNamespace);
  const fallback = options.fallback ?? createMemoryStore({ maxEntries: 5000 });
  const where = { redis: safeUrl(options.url), prefix: options.prefix };

  let mode: Mode = 'starting';
  const toShared = () => {
    if (mode === 'shared') return;
    if (mode === 'local') log.warn(where, 'redis is back: limits, cache and locks shared again');
    else log.info(where, 'redis connected: limits, cache and locks shared across replicas');
    mode = 'shared';
  };
  const toLocal = (reason: string) => {
    if (mode === 'local') return;
    mode = 'local';
    log.warn({ ...where, reason }, 'redis unavailable: using local in-memory limits, cache and locks');
  };
  // Until then, answer locally without trying Redis (set after a failed command).
  let localUntil = 0;
  const onReady = () => {
    localUntil = 0;
    toShared();
  };
  const onClose = () => toLocal('connection closed');
  client.on('ready', onReady);
  client.on('error', (error: Error) => {
    log.debug({ ...where, err: error.message }, 'redis client error');
    if (client.status !== 'ready') toLocal(error.message);
  });
  client.on('close', onClose);

  // The first calls after start-up wait for the connection (bounded), rather than skip the shared state.
  const firstConnect = new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      client.off('error', done);
      resolve();
    };
    const timer = setTimeout(done, connectTimeout);
    timer.unref();
    client.once('ready', done);
    client.once('error', done);
  });

  /** Runs `op` on Redis, or on the local fallback when Redis is not there or fails. */
  const run = async <T>(op: (s: Store) => Promise<T>): Promise<T> => {
    if (client.status !== 'ready' && mode === 'starting') await firstConnect;
    if (client.status !== 'ready' || Date.now() < localUntil) {
      if (mode === 'starting') toLocal(`status ${client.status}`);
      return op(fallback);
    }
    try {
      const value = await op(ops);
      toShared();
      return value;
    } catch (error) {
      localUntil = Date.now() + RETRY_SHARED_AFTER_MS;
      toLocal((error as Error).message);
      return op(fallback);
    }
  };

  return {
    get shared() {
      return mode === 'shared';
    },
    take: (key, rate) => run((s) => s.take(key, rate)),
    takeHost: (host, rate) => run((s) => s.takeHost(host, rate)),
    get: <T>(key: string) => run((s) => s.get<T>(key)),
    set: (key, value, ttlMs) => run((s) => s.set(key, value, ttlMs)),
    delete: (key) => run((s) => s.delete(key)),
    incr: (key, ttlMs) => run((s) => s.incr(key, ttlMs)),
    count: (key) => run((s) => s.count(key)),
    lock: (key, ttlMs) =>
      run(async (s): Promise<Release | undefined> => {
        const release = await s.lock(key, ttlMs);
        // Releasing must never fail a call: a lost release only lets the lock expire by itself.
        return release && (() => release().catch(() => undefined));
      }),
    close: async () => {
      client.off('close', onClose);
      await Promise.allSettled([ops.close(), fallback.close()]);
    },
  };
};
