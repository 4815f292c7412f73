import { describe, expect, it } from 'vitest';
import { upstreamHarness } from '../testing/upstream-harness.js';
import { createUpstream } from './upstream.js';

const { track, serve, client } = upstreamHarness({ name: 'annuaire' });

describe('createUpstream: answers and status codes', () => {
  it('returns parsed JSON with status, headers, url and the default headers sent', async () => {
    const server = await serve([{ path: '/search', body: { results: [{ siren: '552081317' }] } }]);
    const api = client(server, { headers: { 'x-api-key': 'k1' }, userAgent: 'test-agent/1' });
    const res = await api.json<{ results: { siren: string }[] }>({
      path: '/search',
      query: { q: 'edf', page: 1, per_page: undefined, etat: ['A', 'C'] },
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.data.results[0]?.siren).toBe('552081317');
    expect(res.value.status).toBe(200);
    expect(res.value.cached).toBe(false);
    expect(res.value.headers['content-type']).toBe('application/json');
    expect(res.value.url).toBe(`${server.url}/search?q=edf&page=1&etat=A&etat=C`);
    const seen = server.requests[0];
    expect(seen?.headers['x-api-key']).toBe('k1');
    expect(seen?.headers['user-agent']).toBe('test-agent/1');
  });

  it('sends a JSON body on POST', async () => {
    const server = await serve([{ method: 'POST', path: '/search', body: { organic: [] } }]);
    const api = client(server);
    const res = await api.json({ path: '/search', method: 'POST', body: { q: 'edf', gl: 'fr' } });
    expect(res.ok).toBe(true);
    expect(server.requests[0]?.body).toBe('{"q":"edf","gl":"fr"}');
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('maps 404 to not_found and does not retry it', async () => {
    const server = await serve([{ path: '/domain/x.fr', status: 404, body: { errorCode: 404 } }]);
    const api = client(server);
    const res = await api.json({ path: '/domain/x.fr' });
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found', details: { status: 404 } } });
    if (!res.ok) expect(res.error.message).toContain('annuaire');
    expect(server.count()).toBe(1);
  });

  it('returns a 404 as data when the caller lists it in okStatuses', async () => {
    const body = { description: ['NOT_FOUND_DOMAIN_NAME_WITH_NAME'] };
    const server = await serve([{ path: '/domain/x.fr', status: 404, body }]);
    const api = client(server);
    const res = await api.json<typeof body>({ path: '/domain/x.fr', okStatuses: [404] });
    expect(res.ok && res.value.status).toBe(404);
    expect(res.ok && res.value.data).toEqual(body);
  });

  it('follows redirects by default, and hands them to the caller with maxRedirects: 0', async () => {
    const server = await serve([
      { path: '/domain/old', status: 301, headers: { location: '/domain/new' } },
      { path: '/domain/new', body: { ldhName: 'example.fr' } },
    ]);
    const followed = await client(server).json({ path: '/domain/old' });
    expect(followed.ok && followed.value.data).toEqual({ ldhName: 'example.fr' });
    const manual = client(server, { maxRedirects: 0 });
    const seen = await manual.text({ path: '/domain/old', okStatuses: [301] });
    expect(seen.ok && seen.value.status).toBe(301);
    expect(seen.ok && seen.value.headers.location).toBe('/domain/new');
    expect(await manual.text({ path: '/domain/old' })).toMatchObject({
      ok: false,
      error: { code: 'upstream_http', details: { status: 301 } },
    });
  });

  it('gives upstream_http with the status and the start of the body on 500, without retrying', async () => {
    const server = await serve([{ path: '/search', status: 500, body: 'boom '.repeat(200) }]);
    const api = client(server, { retries: 3 });
    const res = await api.json({ path: '/search' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('upstream_http');
    expect(res.error.details?.status).toBe(500);
    expect(String(res.error.details?.body)).toHaveLength(500);
    expect(server.count()).toBe(1);
    expect(api.stats().errors).toEqual({ upstream_http: 1 });
  });

  it('never retries a 400 and keeps the API error text', async () => {
    const server = await serve([
      { path: '/search', status: 400, body: { erreur: 'Veuillez indiquer au moins 3 caractères' } },
    ]);
    const api = client(server);
    const res = await api.json({ path: '/search' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(String(res.error.details?.body)).toContain('Veuillez indiquer');
    expect(server.count()).toBe(1);
  });

  it('reports invalid JSON as upstream_bad_response with the first 200 characters', async () => {
    const page = `<html><body>${'maintenance '.repeat(40)}</body></html>`;
    const server = await serve([{ path: '/search', body: page, headers: { 'content-type': 'text/html' } }]);
    const api = client(server);
    const res = await api.json({ path: '/search' });
    expect(res).toMatchObject({ ok: false, error: { code: 'upstream_bad_response' } });
    if (!res.ok) expect(res.error.details?.body).toBe(page.slice(0, 200));
  });
});

describe('createUpstream: retries', () => {
  it('retries 503 with backoff, then succeeds', async () => {
    let n = 0;
    const server = await serve([
      {
        path: '/search',
        handle: (_req, res) => {
          n += 1;
          res.writeHead(n <= 2 ? 503 : 200, { 'content-type': 'application/json' });
          res.end(n <= 2 ? '{"error":"unavailable"}' : '{"ok":true}');
        },
      },
    ]);
    const api = client(server, { retries: 2 });
    const res = await api.json({ path: '/search' });
    expect(res.ok && res.value.data).toEqual({ ok: true });
    expect(server.count()).toBe(3);
    expect(api.stats()).toMatchObject({ calls: 1, requests: 3, retries: 2, errors: {} });
  });

  it('gives up after the retry budget on a persistent 502', async () => {
    const server = await serve([{ path: '/search', status: 502, body: 'bad gateway' }]);
    const api = client(server, { retries: 2 });
    const res = await api.json({ path: '/search' });
    expect(res).toMatchObject({ ok: false, error: { code: 'upstream_http', details: { status: 502 } } });
    expect(server.count()).toBe(3);
  });

  it('waits for Retry-After (seconds) on 429, then succeeds', async () => {
    let n = 0;
    const server = await serve([
      {
        path: '/search',
        handle: (_req, res) => {
          n += 1;
          if (n === 1) {
            res.writeHead(429, { 'retry-after': '1' });
            res.end();
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"results":[]}');
        },
      },
    ]);
    const api = client(server);
    const res = await api.json({ path: '/search' });
    expect(res.ok).toBe(true);
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
  });

  it('answers rate_limited with retry_after_s when Retry-After exceeds the deadline', async () => {
    const retryAt = new Date(Date.now() + 120_000).toUTCString();
    const server = await serve([{ path: '/search', status: 429, headers: { 'retry-after': retryAt } }]);
    const api = client(server, { deadlineMs: 2000 });
    const started = Date.now();
    const res = await api.json({ path: '/search' });
    expect(Date.now() - started).toBeLessThan(500);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('rate_limited');
    expect(res.error.details?.retry_after_s).toBeGreaterThanOrEqual(118);
    expect(res.error.details?.retry_after_s).toBeLessThanOrEqual(120);
    expect(server.count()).toBe(1);
  });

  it('retries a connection reset, then succeeds', async () => {
    let n = 0;
    const server = await serve([
      {
        path: '/search',
        handle: (req, res) => {
          n += 1;
          if (n === 1) {
            req.socket.destroy();
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"ok":1}');
        },
      },
    ]);
    const api = client(server);
    const res = await api.json({ path: '/search' });
    expect(res.ok && res.value.data).toEqual({ ok: 1 });
    expect(server.count()).toBe(2);
    expect(api.stats().retries).toBe(1);
  });

  it('reports an unreachable upstream as upstream_http after retrying the refused connection', async () => {
    const server = await serve([]);
    const url = server.url;
    await server.close();
    const api = createUpstream({
      name: 'annuaire',
      baseUrl: url,
      retries: 1,
      backoff: { baseMs: 10, maxMs: 20 },
    });
    track(api);
    const res = await api.json({ path: '/search' });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'upstream_http', details: { network: 'ECONNREFUSED' } },
    });
    expect(api.stats()).toMatchObject({ requests: 2, retries: 1 });
  });

  it('reports a body cut short (Content-Length not reached) as upstream_bad_response', async () => {
    const server = await serve([
      {
        path: '/search',
        handle: (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
          res.write('{"results":[{"siren":"55208');
          setTimeout(() => res.socket?.destroy(), 20);
        },
      },
    ]);
    const api = client(server, { retries: 1 });
    const res = await api.json({ path: '/search' });
    expect(res).toMatchObject({ ok: false, error: { code: 'upstream_bad_response' } });
    expect(server.count()).toBe(2);
  });
});
