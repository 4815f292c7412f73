import { createMemoryStore } from '../store/memory.js';
import type { Store } from '../store/types.js';

export interface FailureState {
  count: number;
  /** Milliseconds until the window of this key ends and the count starts again from zero. */
  resetInMs: number;
}

/** Failed-auth counters per client IP over a fixed window. */
export interface FailureCounter {
  peek: (key: string) => Promise<FailureState>;
  hit: (key: string) => Promise<FailureState>;
}

/**
 * Counters on the server's store: with Redis, every replica counts into the same key, so attempts
 * spread over replicas reach the limit at the same count as on one. The Redis store falls back to
 * local counting while Redis is down, so the throttle never switches off.
 */
export const createFailureCounter = (store: Store, windowMs: number): FailureCounter => {
  const key = (ip: string) => `auth-fail|${ip}`;
  return {
    peek: (ip) => store.count(key(ip)),
    hit: (ip) => store.incr(key(ip), windowMs),
  };
};

/** In-memory counters, bounded (the store's LRU) so a spray of source addresses cannot exhaust memory. */
export const createMemoryFailureCounter = (windowMs: number): FailureCounter =>
  createFailureCounter(createMemoryStore(), windowMs);
