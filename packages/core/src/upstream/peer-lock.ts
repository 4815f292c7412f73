import { ok, type Result } from '../errors.js';
import type { Release, Store } from '../store/types.js';
import { sleep } from './retry.js';

const POLL_MS = 50;

/**
 * Single-flight across processes that share a store (replicas on Redis): the holder of the key's lock
 * fetches, the others poll the cache for its answer and fetch themselves only if the holder gives up
 * or the lock expires. Inside one process the in-memory single-flight has already merged callers.
 */
export const withPeerLock = async <T>(
  store: Store,
  key: string,
  ttlMs: number,
  signal: AbortSignal,
  readCache: () => Promise<T | undefined>,
  work: () => Promise<Result<T>>,
): Promise<{ result: Result<T>; fromPeer: boolean }> => {
  const lock = (): Promise<Release | undefined> =>
    // A failing store must not block the call: proceed as if the lock were ours.
    store.lock(`${key}|lock`, ttlMs).catch(() => async () => undefined);
  let release = await lock();
  const until = Date.now() + ttlMs;
  while (!release && Date.now() < until && !signal.aborted) {
    await sleep(POLL_MS, signal).catch(() => undefined);
    const hit = await readCache();
    if (hit !== undefined) return { result: ok(hit), fromPeer: true };
    release = await lock();
  }
  try {
    return { result: await work(), fromPeer: false };
  } finally {
    await release?.().catch(() => undefined);
  }
};
