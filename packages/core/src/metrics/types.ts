import type { Counter, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics of one server, created when METRICS_ENABLED (the only place prom-client is
 * loaded) and handed to what records into them: the HTTP app (metrics plugin), the tool caller, and
 * the upstream clients and safeFetch built through the server's ToolsContext. Nothing records into a
 * process-wide registry: a client built without `metrics` records nothing.
 */
export interface Metrics {
  registry: Registry;
  upstreamRequests: Counter<'upstream'>;
  upstreamCacheHits: Counter<'upstream'>;
  upstreamRetries: Counter<'upstream'>;
  upstreamErrors: Counter<'upstream' | 'code'>;
  upstreamDuration: Histogram<'upstream'>;
  httpRequests: Counter<'status'>;
  toolCalls: Counter<'tool' | 'outcome'>;
}

/** Upstream latency buckets, in seconds: loopback replays to slow registries. */
export const LATENCY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
