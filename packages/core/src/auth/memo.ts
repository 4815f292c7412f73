/**
 * Remembers `fn(key)` for up to `max` distinct keys, then starts afresh. The auth guard runs on every
 * request, and a client sends the same address and Authorization header on all of them: parsing the
 * address and hashing the claimed identity once per distinct value instead of once per request is a
 * measurable share of a cached tool call. Starting afresh (rather than evicting one by one) keeps a
 * flood of distinct values at one Map's worth of memory and costs a real client one recomputation.
 */
export const boundedMemo = <T>(
  fn: (key: string) => T,
  max: number,
  /** Which answers to remember (default: all); the others are computed again on every call. */
  worthKeeping: (value: T) => boolean = () => true,
): ((key: string) => T) => {
  const kept = new Map<string, T>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as T;
    const value = fn(key);
    if (!worthKeeping(value)) return value;
    if (kept.size >= max) kept.clear();
    kept.set(key, value);
    return value;
  };
};
