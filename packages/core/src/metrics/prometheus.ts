import { Counter, Histogram, Registry } from 'prom-client';
import { LATENCY_BUCKETS_S, type Metrics } from './types.js';

/** A fresh registry with every metric of one server (see `Metrics`). */
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
