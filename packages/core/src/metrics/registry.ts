import { Counter, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one process. A single registry per process is deliberate: upstream clients,
 * the HTTP layer and the tool registry all record into it without being wired to each other, and
 * `GET /metrics` (mounted by the server when METRICS_ENABLED=true) serialises it.
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

export const createMetrics = (): Metrics => {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    upstreamRequests: new Counter({
      name: 'mcp_upstream_requests_total',
      help: 'HTTP requests sent to an upstream (each retry counts).',
      labelNames: ['upstream'],
      registers,
    }),
    upstreamCacheHits: new Counter({
      name: 'mcp_upstream_cache_hits_total',
      help: 'Upstream calls answered from the cache.',
      labelNames: ['upstream'],
      registers,
    }),
    upstreamRetries: new Counter({
      name: 'mcp_upstream_retries_total',
      help: 'Upstream requests retried (5xx, connection reset, 429).',
      labelNames: ['upstream'],
      registers,
    }),
    upstreamErrors: new Counter({
      name: 'mcp_upstream_errors_total',
      help: 'Upstream calls that ended in an error, by error code.',
      labelNames: ['upstream', 'code'],
      registers,
    }),
    upstreamDuration: new Histogram({
      name: 'mcp_upstream_request_duration_seconds',
      help: 'Duration of one upstream HTTP request, headers to end of body.',
      labelNames: ['upstream'],
      buckets: LATENCY_BUCKETS_S,
      registers,
    }),
    httpRequests: new Counter({
      name: 'mcp_http_requests_total',
      help: 'HTTP requests served, by status code.',
      labelNames: ['status'],
      registers,
    }),
    toolCalls: new Counter({
      name: 'mcp_tool_calls_total',
      help: 'Tool calls, by tool and outcome (ok, or the error code).',
      labelNames: ['tool', 'outcome'],
      registers,
    }),
  };
};

let processMetrics: Metrics | undefined;

/** The process-wide metrics, created on first use. */
export const getMetrics = (): Metrics => {
  processMetrics ??= createMetrics();
  return processMetrics;
};

/** The registry to serialise on `GET /metrics`: `await reg.metrics()` with `reg.contentType`. */
export const getMetricsRegistry = (): Registry => getMetrics().registry;

export const recordHttpRequest = (status: number): void => {
  getMetrics().httpRequests.inc({ status: String(status) });
};

/** `outcome` is `ok` or the error code of the failed call (e.g. `upstream_timeout`). */
export const recordToolCall = (tool: string, outcome: string): void => {
  getMetrics().toolCalls.inc({ tool, outcome });
};
