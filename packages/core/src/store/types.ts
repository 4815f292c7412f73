/**
 * The small storage surface behind rate limits, caches, single-flight locks and auth throttles.
 * Every method is async so that a shared implementation (Redis, issue 13) can replace the in-memory
 * default without touching callers. Values must be JSON-serialisable for the same reason.
 */

export interface RateSpec {
  /** Sustained rate: one token every `1000 / perSecond` ms. */
  perSecond: number;
  /** Calls allowed back to back before spacing applies; 1 = strict spacing (the default). */
  burst?: number;
  /** Longest wait a caller accepts for its turn; a longer one is refused without taking a slot. */
  maxWaitMs: number;
}

export type TakeResult =
  /** A slot was reserved: send after `waitMs` (0 = now). */
  | { ok: true; waitMs: number }
  /** The queue is full: nothing was reserved; the next slot frees in `retryAfterMs`. */
  | { ok: false; retryAfterMs: number };

/** Releases a lock early; safe to call twice. */
export type Release = () => Promise<void>;

export interface Store {
  /** Token bucket (GCRA form): reserve the next send slot for `key`, or refuse when the wait is too long. */
  take(key: string, rate: RateSpec): Promise<TakeResult>;
  /** TTL cache. */
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Counter whose window starts at its first increment and ends `ttlMs` later (failed-auth throttle). */
  incr(key: string, ttlMs: number): Promise<number>;
  count(key: string): Promise<number>;
  /** Exclusive lock that expires by itself after `ttlMs`; undefined when someone else holds it. */
  lock(key: string, ttlMs: number): Promise<Release | undefined>;
  close(): Promise<void>;
}
