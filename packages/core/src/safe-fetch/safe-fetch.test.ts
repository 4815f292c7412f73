import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../metrics/prometheus.js';
import { readFixtureText } from '../testing/fixtures.js';
import { type ReplayRoute, type ReplayServer, startReplayServer } from '../testing/replay-server.js';
import { safeFetchOptionsFromEnv } from './env.js';
import { createSafeFetch } from './safe-fetch.js';

const open: ReplayServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const serve = async (routes: ReplayRoute[]): Promise<ReplayServer> => {
  const server = await startReplayServer(routes);
  open.push(server);
  return server;
};

const html = { 'content-type': 'text/html; charset=utf-8' };
const sf = createSafeFetch({ allowHosts: ['127.0.0.1'] });

describe('safeFetch: pages', () => {
  it('fetches a recorded company page with browser-like headers', async () => {
    const page = readFixtureText('siret', 'P03_11h42-com.html');
    const server = await serve([{ path: '/mentions-legales', body: page, headers: html }]);
    const res = await sf(`${server.url}/mentions-legales`);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value).toMatchObject({ status: 200, contentType: 'text/html', redirects: [] });
    expect(res.value.text).toBe(page);
    const seen = server.requests[0]!;
    expect(seen.headers['accept-language']).toBe('fr-FR,fr;q=0.9,en;q=0.8');
    expect(seen.headers['user-agent']).toMatch(/^Mozilla\/5\.0 .*Chrome\//);
  });

  it('lets the caller override default headers', async () => {
    const server = await serve([{ path: '/', body: 'ok', headers: { 'content-type': 'text/plain' } }]);
    await sf(`${server.url}/`, { headers: { 'User-Agent': 'custom/1', 'Accept-Language': 'en' } });
    expect(server.requests[0]?.headers['user-agent']).toBe('custom/1');
    expect(server.requests[0]?.headers['accept-language']).toBe('en');
  });

  it('follows relative redirects and reports the chain and the final URL', async () => {
    const server = await serve([
      { path: '/a', status: 301, headers: { location: '/b' } },
      { path: '/b', status: 302, headers: { location: '/c?x=1' } },
      { path: '/c', body: '<p>final</p>', headers: html },
    ]);
    const res = await sf(`${server.url}/a`);
    expect(res.ok && res.value).toMatchObject({
      url: `${server.url}/c?x=1`,
      redirects: [`${server.url}/a`, `${server.url}/b`],
      text: '<p>final</p>',
    });
  });

  it('allows 5 redirects and refuses the 6th', async () => {
    const server = await serve([
      {
        path: /^\/r\/\d+$/,
        handle: (req, res) => {
          const n = Number(req.url?.split('/').pop());
          res.writeHead(302, { location: n === 0 ? '/done' : `/r/${n - 1}` });
          res.end();
        },
      },
      { path: '/done', body: 'done', headers: { 'content-type': 'text/plain' } },
    ]);
    const five = await sf(`${server.url}/r/4`);
    expect(five.ok && five.value.redirects).toHaveLength(5);
    const six = await sf(`${server.url}/r/5`);
    expect(six).toMatchObject({ ok: false, error: { code: 'upstream_bad_response' } });
  });

  it('detects a redirect loop', async () => {
    const server = await serve([
      { path: '/ping', status: 302, headers: { location: '/pong' } },
      { path: '/pong', status: 302, headers: { location: '/ping' } },
    ]);
    const res = await sf(`${server.url}/ping`);
    expect(res).toMatchObject({ ok: false, error: { code: 'upstream_bad_response' } });
    if (!res.ok) expect(res.error.message).toContain('loop');
    expect(server.count()).toBe(2);
  });

  it('maps 404 to not_found, other errors to upstream_http, and returns okStatuses as data', async () => {
    const server = await serve([
      { path: '/missing', status: 404, body: 'nope' },
      { path: '/wall', status: 999, body: '<html>authwall</html>', headers: html },
    ]);
    expect(await sf(`${server.url}/missing`)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await sf(`${server.url}/wall`)).toMatchObject({
      ok: false,
      error: { code: 'upstream_http', details: { status: 999, body: '<html>authwall</html>' } },
    });
    const asData = await sf(`${server.url}/wall`, { okStatuses: [999] });
    expect(asData.ok && asData.value.status).toBe(999);
  });
});

describe('safeFetch: limits', () => {
  it('refuses content types other than HTML, text, XML and JSON', async () => {
    const server = await serve([
      { path: '/doc.pdf', body: '%PDF-1.7', headers: { 'content-type': 'application/pdf' } },
      { path: '/feed', body: '<rss/>', headers: { 'content-type': 'application/rss+xml' } },
      { path: '/data', body: '{"a":1}', headers: { 'content-type': 'application/ld+json' } },
    ]);
    expect(await sf(`${server.url}/doc.pdf`)).toMatchObject({
      ok: false,
      error: { code: 'upstream_bad_response', details: { content_type: 'application/pdf' } },
    });
    expect((await sf(`${server.url}/feed`)).ok).toBe(true);
    expect((await sf(`${server.url}/data`)).ok).toBe(true);
  });

  it('refuses a body over maxBytes, declared or streamed', async () => {
    const big = 'é'.repeat(2000);
    const server = await serve([
      { path: '/declared', body: big, headers: html },
      {
        path: '/chunked',
        handle: (_req, res) => {
          res.writeHead(200, html);
          res.write(big);
          res.end(big);
        },
      },
    ]);
    for (const path of ['/declared', '/chunked']) {
      expect(await sf(`${server.url}${path}`, { maxBytes: 1000 })).toMatchObject({
        ok: false,
        error: { code: 'upstream_too_large', details: { max_bytes: 1000 } },
      });
    }
  });

  it('times out a slow server and a slow drip with upstream_timeout', async () => {
    const server = await serve([
      { path: '/slow', delayMs: 2000, body: 'late' },
      {
        path: '/drip',
        handle: (_req, res) => {
          res.writeHead(200, html);
          const timer = setInterval(() => res.write('.'), 30);
          res.on('close', () => clearInterval(timer));
        },
      },
    ]);
    for (const path of ['/slow', '/drip']) {
      const started = Date.now();
      const res = await sf(`${server.url}${path}`, { timeoutMs: 200 });
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'upstream_timeout', details: { timeout_ms: 200 } },
      });
      expect(Date.now() - started).toBeLessThan(800);
    }
  });

  it("stops when the caller's signal aborts", async () => {
    const server = await serve([{ path: '/slow', delayMs: 2000, body: 'late' }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const res = await sf(`${server.url}/slow`, { signal: controller.signal });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'upstream_timeout', details: { cancelled: true } },
    });
  });
});

describe('safeFetch: metrics', () => {
  it('counts hops, errors by code and durations under upstream="safe_fetch"', async () => {
    const metrics = createMetrics();
    const server = await serve([
      { path: '/a', status: 302, headers: { location: '/b' } },
      { path: '/b', body: 'ok', headers: { 'content-type': 'text/plain' } },
    ]);
    const counted = createSafeFetch({ allowHosts: ['127.0.0.1'], metrics });
    await counted(`${server.url}/a`);
    await counted('file:///etc/passwd');
    const text = await metrics.registry.metrics();
    expect(text).toContain('mcp_upstream_requests_total{upstream="safe_fetch"} 2');
    expect(text).toContain('mcp_upstream_errors_total{upstream="safe_fetch",code="forbidden_target"} 1');
    expect(text).toContain('mcp_upstream_request_duration_seconds_count{upstream="safe_fetch"} 2');
  });
});

describe('safeFetch: configuration from env', () => {
  it('parses SAFE_FETCH_ALLOW_HOSTS and SAFE_FETCH_ALLOW_PORTS', () => {
    expect(
      safeFetchOptionsFromEnv({
        SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1, [::1] ,Localhost',
        SAFE_FETCH_ALLOW_PORTS: '8080',
      }),
    ).toEqual({
      allowHosts: ['127.0.0.1', '::1', 'localhost'],
      allowPorts: [8080],
    });
    expect(safeFetchOptionsFromEnv({})).toEqual({ allowHosts: [], allowPorts: [] });
    expect(() => safeFetchOptionsFromEnv({ SAFE_FETCH_ALLOW_PORTS: '80,http' })).toThrow(
      /SAFE_FETCH_ALLOW_PORTS/,
    );
  });

  it('warns once when the guard is relaxed, and stays silent otherwise', () => {
    const warnings: string[] = [];
    const log = { warn: (_obj: object, msg: string) => warnings.push(msg) };
    createSafeFetch({ ...safeFetchOptionsFromEnv({}), log });
    expect(warnings).toEqual([]);
    createSafeFetch({ ...safeFetchOptionsFromEnv({ SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1' }), log });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('SAFE_FETCH_ALLOW_HOSTS');
  });

  it('keeps the guard on for hosts not in the allowlist', async () => {
    const server = await serve([{ path: '/', body: 'x', headers: html }]);
    const relaxed = createSafeFetch(
      safeFetchOptionsFromEnv({
        SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
        SAFE_FETCH_ALLOW_PORTS: String(server.port),
      }),
    );
    expect((await relaxed(`${server.url}/`)).ok).toBe(true);
    const res = await relaxed(`http://localhost:${server.port}/`);
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'forbidden_target', details: { reason: 'address' } },
    });
    expect(server.count()).toBe(1);
  });
});
