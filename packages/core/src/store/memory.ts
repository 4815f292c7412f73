import { LRUCache } from 'lru-cache';
import type { RateSpec, Release, Store, TakeResult } from './types.js';

export interface MemoryStoreOptions {
  /** Most cache entries kept (least recently used go first). */
  maxEntries?: number;
  /** Rough bound on cached bytes (JSON length), so large bodies cannot exhaust memory. */
  maxBytes?: number;
  /** Most counters kept (failed-auth throttle keys); least recently used go first. */
  maxCounters?: number;
  /** Clock, for tests. */
  now?: () => number;
}

// lru-cache refuses undefined/null values; a box lets callers cache any JSON value.
interface Box {
  v: unknown;
}

const sizeOf = (box: Box): number => {
  const { v } = box;
  if (typeof v === 'string') return v.length + 16;
  try {
    return (JSON.stringify(v)?.length ?? 0) + 16;
  } catch {
    return 1024;
  }
};

/** Single-process store: the default when no shared store (Redis) is configured. */
export const createMemoryStore = (options: MemoryStoreOptions = {}): Store => {
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const cache = new LRUCache<string, Box>({
    max: options.maxEntries ?? 1000,
    maxSize: maxBytes,
    // An entry larger than the whole budget is simply not stored.
    maxEntrySize: maxBytes,
    sizeCalculation: sizeOf,
    perf: { now },
    // Read the clock on every access: a cached "now" would let an entry outlive its TTL slightly.
    ttlResolution: 0,
  });
  // Bounded too: a flood of distinct keys (client IPs, upstreams) must not grow memory without limit.
  const counters = new LRUCache<string, { n: number; until: number }>({
    max: options.maxCounters ?? 50_000,
  });
  const buckets = new LRUCache<string, { tat: number }>({ max: 10_000 });
  // Apart from `take` keys, so that no key an app picks can name a host's bucket.
  const hostBuckets = new LRUCache<string, { tat: number }>({ max: 1000 });
  const locks = new Map<string, { token: symbol; until: number }>();

  const takeIn = async (
    bucketsOf: LRUCache<string, { tat: number }>,
    key: string,
    rate: RateSpec,
  ): Promise<TakeResult> => {
    const interval = 1000 / rate.perSecond;
    const tolerance = interval * (Math.max(1, rate.burst ?? 1) - 1);
    const t = now();
    // GCRA: `tat` is when the bucket would be full again; a call may go `tolerance` ahead of it.
    const tat = Math.max(bucketsOf.get(key)?.tat ?? t, t);
    const waitMs = tat - tolerance - t;
    if (waitMs > 0) return { ok: false, waitMs: Math.ceil(waitMs) };
    bucketsOf.set(key, { tat: tat + interval });
    return { ok: true };
  };

  return {
    sameObjectOnGet: true,
    take: (key, rate) => takeIn(buckets, key, rate),
    takeHost: (host, rate) => takeIn(hostBuckets, host, rate),
    get: async <T>(key: string) => cache.get(key)?.v as T | undefined,
    set: async (key, value, ttlMs) => {
      cache.set(key, { v: value }, { ttl: ttlMs });
    },
    delete: async (key) => {
      cache.delete(key);
      counters.delete(key);
    },
    incr: async (key, ttlMs) => {
      const t = now();
      const current = counters.get(key);
      const entry = current && current.until > t ? current : { n: 0, until: t + ttlMs };
      entry.n += 1;
      counters.set(key, entry);
      return { count: entry.n, resetInMs: entry.until - t };
    },
    count: async (key) => {
      const t = now();
      const current = counters.get(key);
      return current && current.until > t
        ? { count: current.n, resetInMs: current.until - t }
        : { count: 0, resetInMs: 0 };
    },
    lock: async (key, ttlMs): Promise<Release | undefined> => {
      const t = now();
      const held = locks.get(key);
      if (held && held.until > t) return undefined;
      const token = Symbol(key);
      locks.set(key, { token, until: t + ttlMs });
      return async () => {
        if (locks.get(key)?.token === token) locks.delete(key);
      };
    },
    close: async () => {
      cache.clear();
      counters.clear();
      buckets.clear();
      hostBuckets.clear();
      locks.clear();
    },
  };
};
