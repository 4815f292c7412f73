import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory.js';
import { upstreamHarness } from '../testing/upstream-harness.js';
import { createUpstream } from './upstream.js';

const { track, serve, client } = upstreamHarness({ name: 'serper', cache: { ttlMs: 60_000 } });

describe('createUpstream: TTL cache', () => {
  it('answers a repeated GET from the cache with cached: true and no upstream request', async () => {
    const server = await serve([{ path: '/search', body: { results: [{ siren: '552081317' }] } }]);
    const api = client(server);
    const first = await api.json({ path: '/search', query: { q: 'edf' } });
    const second = await api.json({ path: '/search', query: { q: 'edf' } });
    expect(first.ok && first.value.cached).toBe(false);
    expect(second.ok && second.value.cached).toBe(true);
    expect(second.ok && second.value.data).toEqual(first.ok && first.value.data);
    expect(server.count()).toBe(1);
    expect(api.stats()).toMatchObject({ calls: 2, requests: 1, cache_hits: 1 });
  });

  it('keys the cache on the query: a different query goes upstream', async () => {
    const server = await serve([{ path: '/search', body: { results: [] } }]);
    const api = client(server);
    await api.json({ path: '/search', query: { q: 'edf' } });
    await api.json({ path: '/search', query: { q: 'engie' } });
    expect(server.count()).toBe(2);
  });

  it('caches a POST only when asked, keyed by its JSON body', async () => {
    const server = await serve([{ method: 'POST', path: '/search', body: { organic: [] } }]);
    const api = client(server);
    await api.json({ path: '/search', method: 'POST', body: { q: 'edf' } });
    await api.json({ path: '/search', method: 'POST', body: { q: 'edf' } });
    expect(server.count()).toBe(2);
    await api.json({ path: '/search', method: 'POST', body: { q: 'edf' }, cache: true });
    const hit = await api.json({ path: '/search', method: 'POST', body: { q: 'edf' }, cache: true });
    const miss = await api.json({ path: '/search', method: 'POST', body: { q: 'engie' }, cache: true });
    expect(hit.ok && hit.value.cached).toBe(true);
    expect(miss.ok && miss.value.cached).toBe(false);
    expect(server.count()).toBe(4);
  });

  it('does not cache failures', async () => {
    const server = await serve([{ path: '/search', status: 500, body: 'oops' }]);
    const api = client(server);
    await api.json({ path: '/search' });
    await api.json({ path: '/search' });
    expect(server.count()).toBe(2);
  });

  it('expires entries after ttlMs', async () => {
    const server = await serve([{ path: '/search', body: { results: [] } }]);
    const api = client(server, { cache: { ttlMs: 60 } });
    await api.json({ path: '/search' });
    await api.json({ path: '/search' });
    expect(server.count()).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    const again = await api.json({ path: '/search' });
    expect(again.ok && again.value.cached).toBe(false);
    expect(server.count()).toBe(2);
  });

  it('bypasses the cache entirely when none is configured', async () => {
    const server = await serve([{ path: '/search', body: { results: [] } }]);
    const api = createUpstream({ name: 'brave', baseUrl: server.url });
    track(api);
    await api.json({ path: '/search' });
    await api.json({ path: '/search' });
    expect(server.count()).toBe(2);
  });
});

describe('createUpstream: single-flight', () => {
  it('sends one upstream request for 20 concurrent identical calls', async () => {
    const server = await serve([
      { path: '/search', delayMs: 100, body: { results: [{ siren: '356000000' }] } },
    ]);
    const api = client(server, { cache: undefined });
    const all = await Promise.all(
      Array.from({ length: 20 }, () => api.json({ path: '/search', query: { q: 'poste' } })),
    );
    expect(all.every((r) => r.ok && (r.value.data as { results: unknown[] }).results.length === 1)).toBe(
      true,
    );
    expect(server.count()).toBe(1);
    expect(api.stats()).toMatchObject({ calls: 20, requests: 1, shared: 19 });
  });

  it('keeps the shared request alive for the others when one caller cancels', async () => {
    const server = await serve([{ path: '/search', delayMs: 150, body: { ok: true } }]);
    const api = client(server, { cache: undefined });
    const controller = new AbortController();
    const cancelled = api.json({ path: '/search', signal: controller.signal });
    const kept = api.json({ path: '/search' });
    setTimeout(() => controller.abort(), 30);
    const [a, b] = await Promise.all([cancelled, kept]);
    expect(a).toMatchObject({ ok: false, error: { details: { cancelled: true } } });
    expect(b.ok && b.value.data).toEqual({ ok: true });
    expect(server.count()).toBe(1);
  });

  it('never merges plain POSTs', async () => {
    const server = await serve([{ method: 'POST', path: '/search', delayMs: 50, body: { organic: [] } }]);
    const api = client(server, { cache: undefined });
    await Promise.all([1, 2, 3].map(() => api.json({ path: '/search', method: 'POST', body: { q: 'edf' } })));
    expect(server.count()).toBe(3);
  });

  it('lets replicas sharing a store fetch a cacheable key once', async () => {
    const server = await serve([{ path: '/search', delayMs: 120, body: { results: [] } }]);
    const store = createMemoryStore();
    const a = client(server, { store });
    const b = client(server, { store });
    const [ra, rb] = await Promise.all([a.json({ path: '/search' }), b.json({ path: '/search' })]);
    expect(ra.ok && rb.ok).toBe(true);
    expect(server.count()).toBe(1);
  });
});
