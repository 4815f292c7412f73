import { createMemoryStore } from '../store/memory.js';
import type { Store } from '../store/types.js';

export interface FailureState {
  count: number;
  /** Milliseconds until the window of this key ends and the count starts again from zero. */
  resetInMs: number;
}

/** Failed-auth counters over a fixed window, keyed by `throttleKeys` (never a raw secret). */
export interface FailureCounter {
  peek: (key: string) => Promise<FailureState>;
  hit: (key: string) => Promise<FailureState>;
  /** Forgets a key: a successful login clears its (client, identity) pair. */
  reset: (key: string) => Promise<void>;
}

/**
 * Counters on the server's store: with Redis, every replica counts into the same key, so attempts
 * spread over replicas reach the limit at the same count as on one. Redis keys expire with their
 * window (PEXPIRE at the first increment); the in-memory store keeps at most a bounded number of
 * counters (LRU). The Redis store falls back to local counting while Redis is down, so the throttle
 * never switches off.
 */
export const createFailureCounter = (store: Store, windowMs: number): FailureCounter => ({
  peek: (key) => store.count(key),
  hit: (key) => store.incr(key, windowMs),
  reset: (key) => store.delete(key),
});

/** In-memory counters, bounded (the store's LRU) so a spray of source addresses cannot exhaust memory. */
export const createMemoryFailureCounter = (windowMs: number): FailureCounter =>
  createFailureCounter(createMemoryStore(), windowMs);
