import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { COUNT_LUA, INCR_LUA, RELEASE_LUA, TAKE_LUA } from './redis-scripts.js';
import type { CounterState, RateSpec, Release, Store, TakeResult } from './types.js';

// Added to the client by `defineCommand`: EVALSHA, with EVAL when Redis lost its script cache (restart).
interface ScriptCommands {
  mcpTake(key: string, intervalMs: string, toleranceMs: string): Promise<number>;
  mcpIncr(key: string, ttlMs: number): Promise<[number, number]>;
  mcpCount(key: string): Promise<[number, number]>;
  mcpRelease(key: string, token: string): Promise<number>;
}

const defineScripts = (client: Redis): ScriptCommands => {
  client.defineCommand('mcpTake', { numberOfKeys: 1, lua: TAKE_LUA });
  client.defineCommand('mcpIncr', { numberOfKeys: 1, lua: INCR_LUA });
  client.defineCommand('mcpCount', { numberOfKeys: 1, lua: COUNT_LUA });
  client.defineCommand('mcpRelease', { numberOfKeys: 1, lua: RELEASE_LUA });
  return client as unknown as ScriptCommands;
};

const counter = ([count, ttl]: [number, number]): CounterState => ({
  count: Number(count),
  resetInMs: Math.max(0, Number(ttl)),
});

/**
 * Where host rate buckets live on Redis, outside every app's prefix: `mcp:host:<host>:rate` is one
 * bucket for all apps and replicas on this Redis, as the API behind `<host>` counts per egress IP.
 */
export const HOST_RATE_NAMESPACE = 'mcp:host:';

/** The Redis key of a host's rate bucket. */
export const hostRateKey = (host: string, namespace = HOST_RATE_NAMESPACE): string =>
  `${namespace}${host}:rate`;

/**
 * The Store operations on one Redis connection. Every failure (down, timeout) rejects: the caller
 * (`createRedisStore`) decides to fall back. Keys are `<prefix><kind>:<key>` so a cache entry, a
 * counter, a bucket and a lock of the same name never collide; host buckets alone are not prefixed.
 */
export const createRedisOps = (client: Redis, prefix: string, hostNamespace = HOST_RATE_NAMESPACE): Store => {
  const scripts = defineScripts(client);
  const k = (kind: 'c' | 'n' | 'r' | 'l', key: string) => `${prefix}${kind}:${key}`;
  const takeAt = async (redisKey: string, rate: RateSpec): Promise<TakeResult> => {
    const interval = 1000 / rate.perSecond;
    const tolerance = interval * (Math.max(1, rate.burst ?? 1) - 1);
    const waitMs = Number(await scripts.mcpTake(redisKey, interval.toFixed(3), tolerance.toFixed(3)));
    return waitMs > 0 ? { ok: false, waitMs } : { ok: true };
  };

  return {
    take: (key, rate) => takeAt(k('r', key), rate),
    takeHost: (host, rate) => takeAt(hostRateKey(host, hostNamespace), rate),
    get: async <T>(key: string): Promise<T | undefined> => {
      const raw = await client.get(k('c', key));
      return raw === null ? undefined : (JSON.parse(raw) as T);
    },
    set: async (key, value, ttlMs) => {
      const json = JSON.stringify(value);
      if (json === undefined || !(ttlMs > 0)) return;
      await client.set(k('c', key), json, 'PX', Math.ceil(ttlMs));
    },
    delete: async (key) => {
      await client.del(k('c', key), k('n', key));
    },
    incr: async (key, ttlMs) => counter(await scripts.mcpIncr(k('n', key), Math.max(1, Math.ceil(ttlMs)))),
    count: async (key) => counter(await scripts.mcpCount(k('n', key))),
    lock: async (key, ttlMs): Promise<Release | undefined> => {
      const lockKey = k('l', key);
      const token = randomUUID();
      const got = await client.set(lockKey, token, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX');
      if (got !== 'OK') return undefined;
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        await scripts.mcpRelease(lockKey, token);
      };
    },
    close: async () => {
      if (client.status === 'ready') {
        await client.quit().catch(() => client.disconnect());
      } else {
        client.disconnect();
      }
    },
  };
};
