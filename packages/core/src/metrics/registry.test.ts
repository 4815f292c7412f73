import { describe, expect, it } from 'vitest';
import { createMetrics, getMetricsRegistry, recordHttpRequest, recordToolCall } from './registry.js';

describe('metrics', () => {
  it('counts HTTP requests by status and tool calls by tool and outcome in the process registry', async () => {
    recordHttpRequest(200);
    recordHttpRequest(200);
    recordHttpRequest(401);
    recordToolCall('search_companies', 'ok');
    recordToolCall('search_companies', 'rate_limited');
    const text = await getMetricsRegistry().metrics();
    expect(text).toContain('mcp_http_requests_total{status="200"} 2');
    expect(text).toContain('mcp_http_requests_total{status="401"} 1');
    expect(text).toContain('mcp_tool_calls_total{tool="search_companies",outcome="ok"} 1');
    expect(text).toContain('mcp_tool_calls_total{tool="search_companies",outcome="rate_limited"} 1');
    expect(getMetricsRegistry().contentType).toContain('text/plain');
  });

  it('gives independent registries from createMetrics', async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.upstreamRequests.inc({ upstream: 'annuaire' });
    expect(await a.registry.metrics()).toContain('mcp_upstream_requests_total{upstream="annuaire"} 1');
    expect(await b.registry.metrics()).not.toContain('upstream="annuaire"');
  });
});
