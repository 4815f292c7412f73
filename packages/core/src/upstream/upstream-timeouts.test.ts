import { describe, expect, it } from 'vitest';
import { createMetrics } from '../metrics/prometheus.js';
import { upstreamHarness } from '../testing/upstream-harness.js';
import { createUpstream } from './upstream.js';

const { serve, client } = upstreamHarness({ name: 'annuaire' });

describe('createUpstream: limits and cancellation', () => {
  it('times out a slow upstream with upstream_timeout', async () => {
    const server = await serve([{ path: '/search', delayMs: 1500, body: { late: true } }]);
    const api = client(server, { timeoutMs: 150 });
    const started = Date.now();
    const res = await api.json({ path: '/search' });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'upstream_timeout', details: { timeout_ms: 150 } },
    });
    expect(Date.now() - started).toBeLessThan(700);
  });

  it('ends a slow drip at the total time limit even though bytes keep coming', async () => {
    const server = await serve([
      {
        path: '/page',
        handle: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          const timer = setInterval(() => res.write('<p>.</p>'), 40);
          res.on('close', () => clearInterval(timer));
        },
      },
    ]);
    const api = client(server, { timeoutMs: 300 });
    const started = Date.now();
    const res = await api.text({ path: '/page' });
    expect(res).toMatchObject({ ok: false, error: { code: 'upstream_timeout' } });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('refuses a body over maxBodyBytes, declared or streamed', async () => {
    const big = 'x'.repeat(5000);
    const server = await serve([
      { path: '/declared', body: big, headers: { 'content-type': 'text/plain' } },
      {
        path: '/chunked',
        handle: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write(big);
          res.end(big);
        },
      },
    ]);
    const api = client(server, { maxBodyBytes: 1000 });
    for (const path of ['/declared', '/chunked']) {
      const res = await api.text({ path });
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'upstream_too_large', details: { max_bytes: 1000 } },
      });
    }
  });

  it("aborts the upstream request when the caller's signal fires", async () => {
    let closedEarly = false;
    const server = await serve([
      {
        path: '/slow',
        handle: (_req, res) => {
          const timer = setTimeout(() => res.end('late'), 3000);
          res.on('close', () => {
            closedEarly = !res.writableFinished;
            clearTimeout(timer);
          });
        },
      },
    ]);
    const api = client(server, { timeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const res = await api.text({ path: '/slow', signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'upstream_timeout', details: { cancelled: true } },
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(closedEarly).toBe(true);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const server = await serve([{ path: '/search', body: {} }]);
    const api = client(server);
    const res = await api.json({ path: '/search', signal: AbortSignal.abort() });
    expect(res).toMatchObject({ ok: false, error: { details: { cancelled: true } } });
    expect(server.count()).toBe(0);
  });

  it('records requests, errors and latency in Prometheus metrics', async () => {
    const metrics = createMetrics();
    const server = await serve([
      { path: '/ok', body: { ok: true } },
      { path: '/missing', status: 404 },
    ]);
    const api = client(server, { metrics, name: 'rdap' });
    await api.json({ path: '/ok' });
    await api.json({ path: '/missing' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('mcp_upstream_requests_total{upstream="rdap"} 2');
    expect(text).toContain('mcp_upstream_errors_total{upstream="rdap",code="not_found"} 1');
    expect(text).toContain('mcp_upstream_request_duration_seconds_count{upstream="rdap"} 2');
    expect(api.stats().latency.count).toBe(2);
  });

  it('rejects bad options at creation', () => {
    expect(() => createUpstream({ name: 'x', baseUrl: 'ftp://example.org' })).toThrow(/baseUrl/);
    expect(() => createUpstream({ name: 'a b', baseUrl: 'http://127.0.0.1' })).toThrow(/name/);
  });
});
