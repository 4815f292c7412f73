import { LRUCache } from 'lru-cache';

export interface FailureState {
  count: number;
  /** Milliseconds until the window of this key ends and the count starts again from zero. */
  resetInMs: number;
}

/** Failed-auth counters per client IP over a fixed window. The store is swappable (Redis for replicas). */
export interface FailureCounter {
  peek: (key: string) => Promise<FailureState>;
  hit: (key: string) => Promise<FailureState>;
}

/** In-memory counters, bounded so that a spray of source addresses cannot grow memory without limit. */
export const createMemoryFailureCounter = (windowMs: number, maxKeys = 50_000): FailureCounter => {
  const entries = new LRUCache<string, { count: number; expiresAt: number }>({ max: maxKeys });
  const state = (key: string): FailureState => {
    const entry = entries.get(key);
    const now = Date.now();
    if (!entry || entry.expiresAt <= now) return { count: 0, resetInMs: 0 };
    return { count: entry.count, resetInMs: entry.expiresAt - now };
  };
  return {
    peek: async (key) => state(key),
    hit: async (key) => {
      const now = Date.now();
      const current = entries.get(key);
      const next =
        current && current.expiresAt > now
          ? { count: current.count + 1, expiresAt: current.expiresAt }
          : { count: 1, expiresAt: now + windowMs };
      entries.set(key, next);
      return { count: next.count, resetInMs: next.expiresAt - now };
    },
  };
};
