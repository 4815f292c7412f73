/**
 * Most events inside any 1-second window [t, t + window). With `jitterOf` (the limit in requests per
 * second), the times are arrivals at a loopback upstream, not the limiter's send times: they also carry
 * loopback, event-loop and Redis jitter, which can shorten one gap. The window is then shrunk by 3/4 of
 * the send interval to absorb that: still less than one interval, so one extra request in any second
 * is still caught. Without it, the window is exactly one second (times read on the limiter's own clock).
 */
export const busiestSecond = (times: readonly number[], jitterOf?: { perSecond: number }): number => {
  const window = jitterOf ? 1000 - (0.75 * 1000) / jitterOf.perSecond : 1000;
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (j < sorted.length && sorted[j]! - sorted[i]! < window) j += 1;
    best = Math.max(best, j - i);
  }
  return best;
};
