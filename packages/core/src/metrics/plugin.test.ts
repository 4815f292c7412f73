import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { metricsPlugin } from './plugin.js';
import { createMetrics } from './prometheus.js';

describe('metricsPlugin', () => {
  it('decorates the app with its metrics, counts every answer by status and empties them on close', async () => {
    const metrics = createMetrics();
    const app = Fastify();
    await app.register(metricsPlugin, { metrics });
    app.get('/ok', async () => 'ok');
    await app.ready();
    expect(app.metrics).toBe(metrics);
    await app.inject('/ok');
    await app.inject('/ok');
    await app.inject('/missing');
    const text = await metrics.registry.metrics();
    expect(text).toContain('mcp_http_requests_total{status="200"} 2');
    expect(text).toContain('mcp_http_requests_total{status="404"} 1');
    await app.close();
    expect(metrics.registry.getMetricsAsArray()).toEqual([]);
  });
});
