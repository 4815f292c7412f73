import { createMemoryStore } from '../store/memory.js';
import type { Store } from '../store/types.js';

/**
 * An in-memory store that remembers every key name it was asked about (cache, rate limit, lock,
 * counter): for tests that check what a shared store such as Redis would be shown.
 */
export const recordingStore = (): Store & { keys: Set<string> } => {
  const inner = createMemoryStore();
  const keys = new Set<string>();
  const seen =
    <A extends unknown[], R>(fn: (key: string, ...rest: A) => R) =>
    (key: string, ...rest: A): R => {
      keys.add(key);
      return fn(key, ...rest);
    };
  return {
    keys,
    take: seen(inner.take),
    takeHost: seen(inner.takeHost),
    get: seen(inner.get) as Store['get'],
    set: seen(inner.set),
    delete: seen(inner.delete),
    incr: seen(inner.incr),
    count: seen(inner.count),
    lock: seen(inner.lock),
    close: inner.close,
  };
};
