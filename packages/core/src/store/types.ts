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
}

export type TakeResult =
  /** A token was taken: send now. */
  | { ok: true }
  /** No token yet: nothing was taken; ask again in `waitMs`. */
  | { ok: false; waitMs: number };

export interface CounterState {
  count: number;
  /** Milliseconds until the window ends and the count starts again from zero (a Retry-After). */
  resetInMs: number;
}

/** Releases a lock early; safe to call twice. */
export type Release = () => Promise<void>;

export interface Store {
  /**
   * Token bucket (GCRA form) checked at the moment of sending: takes a token if one is there now.
   * Nothing is reserved ahead, so a waiter that wakes late can never compress the spacing.
   */
  take(key: string, rate: RateSpec): Promise<TakeResult>;
  /**
   * The same token bucket for one outside host (`host[:port]` of an API), shared by every app that
   * uses the same store backend, whatever its key prefix: an API counts requests per egress IP, not
   * per app, so apps deployed side by side must split one budget. Redis keeps the bucket at
   * `mcp:host:<host>:rate` (`hostRateKey`); in memory it is one bucket per host in this
   * process, apart from the `take` keys.
   */
  takeHost(host: string, rate: RateSpec): Promise<TakeResult>;
  /** TTL cache. */
  get<T = unknown>(key: string): Promise<T | undefined>;
  /**
   * True when `get` returns the very object `set` stored (in memory) rather than a copy (Redis): only
   * then can a reader tell by identity that an entry has not changed.
   */
  readonly sameObjectOnGet?: boolean;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Counter whose window starts at its first increment and ends `ttlMs` later (failed-auth throttle). */
  incr(key: string, ttlMs: number): Promise<CounterState>;
  /** The counter without incrementing it; `{ count: 0, resetInMs: 0 }` once its window is over. */
  count(key: string): Promise<CounterState>;
  /** Exclusive lock that expires by itself after `ttlMs`; undefined when someone else holds it. */
  lock(key: string, ttlMs: number): Promise<Release | undefined>;
  close(): Promise<void>;
}
