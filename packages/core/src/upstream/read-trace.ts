import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one tool call read: each answer it took from an upstream cache, and whether it did anything the
 * trace cannot replay (a request sent, a page fetched, a cache whose reads are not the stored object).
 * A call whose every read was a cache hit, and nothing else, answers the same for as long as those
 * cache entries are still the very same objects: that is when the registry may reuse its result.
 */
export interface ReadTrace {
  reads: Array<{ read: () => Promise<unknown>; value: unknown }>;
  opaque: boolean;
}

const current = new AsyncLocalStorage<ReadTrace>();

/** Runs `fn` with a fresh trace; resolves with its value and what it read. */
export const traceReads = async <T>(fn: () => Promise<T>): Promise<{ value: T; trace: ReadTrace }> => {
  const trace: ReadTrace = { reads: [], opaque: false };
  const value = await current.run(trace, fn);
  return { value, trace };
};

/** A cache hit: `read` reads the same entry again; the answer is reusable while it returns `value`. */
export const noteCacheHit = (read: () => Promise<unknown>, value: unknown): void => {
  current.getStore()?.reads.push({ read, value });
};

/** Something a cache entry does not stand for: a request went out, or the cache returns copies. */
export const noteOpaque = (): void => {
  const trace = current.getStore();
  if (trace) trace.opaque = true;
};

/** Whether the trace can stand for the call: only cache hits, at least one. */
export const replayable = (trace: ReadTrace): boolean => !trace.opaque && trace.reads.length > 0;

/** Whether every entry the trace read is still the same object (not expired, not replaced). */
export const stillSame = async (trace: ReadTrace): Promise<boolean> => {
  for (const { read, value } of trace.reads) if ((await read()) !== value) return false;
  return true;
};
