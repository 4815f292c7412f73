import { describe, expect, it } from 'vitest';
import { loadMetrics } from './load.js';
import { createMetrics } from './prometheus.js';

describe('metrics', () => {
  it('gives each server its own registry', async () => {
    const a = createMetrics();
    const b = await loadMetrics();
    a.upstreamRequests.inc({ upstream: 'annuaire' });
    a.toolCalls.inc({ tool: 'search_companies', outcome: 'rate_limited' });
    expect(await a.registry.metrics()).toContain('mcp_upstream_requests_total{upstream="annuaire"} 1');
    expect(await a.registry.metrics()).toContain(
      'mcp_tool_calls_total{tool="search_companies",outcome="rate_limited"} 1',
    );
    expect(await b.registry.metrics()).not.toContain('upstream="annuaire"');
    expect(b.registry.contentType).toContain('text/plain');
  });
});
