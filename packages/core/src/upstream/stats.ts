import { LATENCY_BUCKETS_S, type Metrics } from '../metrics/types.js';
import type { UpstreamStats } from './types.js';

/** In-process counters of one upstream (read by tests), mirrored into the server's metrics when given. */
export interface StatsRecorder {
  call(): void;
  request(durationMs: number): void;
  cacheHit(): void;
  shared(): void;
  retry(): void;
  error(code: string): void;
  snapshot(): UpstreamStats;
}

export const createStats = (upstream: string, metrics: Metrics | undefined): StatsRecorder => {
  const bounds = LATENCY_BUCKETS_S.map((s) => s * 1000);
  const state = {
    calls: 0,
    requests: 0,
    cache_hits: 0,
    shared: 0,
    retries: 0,
    errors: {} as Record<string, number>,
    counts: new Array<number>(bounds.length + 1).fill(0),
    sum_ms: 0,
  };
  const labels = { upstream };
  return {
    call: () => {
      state.calls += 1;
    },
    request: (durationMs) => {
      state.requests += 1;
      state.sum_ms += durationMs;
      const i = bounds.findIndex((b) => durationMs <= b);
      const slot = i === -1 ? bounds.length : i;
      state.counts[slot] = (state.counts[slot] ?? 0) + 1;
      metrics?.upstreamRequests.inc(labels);
      metrics?.upstreamDuration.observe(labels, durationMs / 1000);
    },
    cacheHit: () => {
      state.cache_hits += 1;
      metrics?.upstreamCacheHits.inc(labels);
    },
    shared: () => {
      state.shared += 1;
    },
    retry: () => {
      state.retries += 1;
      metrics?.upstreamRetries.inc(labels);
    },
    error: (code) => {
      state.errors[code] = (state.errors[code] ?? 0) + 1;
      metrics?.upstreamErrors.inc({ upstream, code });
    },
    snapshot: () => ({
      calls: state.calls,
      requests: state.requests,
      cache_hits: state.cache_hits,
      shared: state.shared,
      retries: state.retries,
      errors: { ...state.errors },
      latency: {
        bounds_ms: [...bounds],
        counts: [...state.counts],
        sum_ms: state.sum_ms,
        count: state.requests,
      },
    }),
  };
};
