import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory.js';
import { busiestSecond } from '../testing/arrivals.js';
import type { ReplayServer } from '../testing/replay-server.js';
import { upstreamHarness } from '../testing/upstream-harness.js';
import type { Upstream, UpstreamOptions } from './types.js';
import { createUpstream } from './upstream.js';

const { serve, track } = upstreamHarness({ name: 'annuaire' });

const setup = async (options: Partial<UpstreamOptions>): Promise<{ server: ReplayServer; api: Upstream }> => {
  const server = await serve([{ path: /^\/search/, body: { results: [] } }]);
  const api = track(createUpstream({ name: 'annuaire', baseUrl: server.url, ...options }));
  return { server, api };
};

/** Opens the keep-alive connection first, so arrival times measure the limiter, not the TCP handshake. */
const warmUp = async (server: ReplayServer, api: Upstream): Promise<void> => {
  await api.json({ path: '/search', query: { q: 'warm-up' } });
  server.reset();
};

const distinctCalls = (api: Upstream, n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => api.json({ path: '/search', query: { q: `c${i}` } })));

describe('createUpstream: token-bucket rate limit', () => {
  it('spreads 20 concurrent calls at 10 req/s: all succeed, no second holds more than 10', async () => {
    const { server, api } = await setup({ rateLimit: { perSecond: 10 } });
    await warmUp(server, api);
    const started = performance.now();
    const results = await distinctCalls(api, 20);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.count()).toBe(20);
    expect(
      busiestSecond(
        server.requests.map((r) => r.at),
        { perSecond: 10 },
      ),
    ).toBeLessThanOrEqual(10);
    // 20 slots 100 ms apart after the warm-up's: the last one leaves after ~2 s.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1850);
  });

  it('absorbs a burst of 100 calls at 50 req/s without losing one', async () => {
    const { server, api } = await setup({ rateLimit: { perSecond: 50, maxQueue: 100 } });
    await warmUp(server, api);
    const results = await distinctCalls(api, 100);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(server.count()).toBe(100);
    expect(
      busiestSecond(
        server.requests.map((r) => r.at),
        { perSecond: 50 },
      ),
    ).toBeLessThanOrEqual(50);
  });

  it('lets `burst` calls go at once, then spaces the rest', async () => {
    const { server, api } = await setup({ rateLimit: { perSecond: 2, burst: 3 } });
    await warmUp(server, api);
    await new Promise((r) => setTimeout(r, 550)); // the warm-up's token refills
    await distinctCalls(api, 5);
    const at = server.requests.map((r) => r.at).sort((a, b) => a - b);
    // Strict spacing would put the third call 1 s after the first; a burst sends the three together,
    // then the fourth and fifth follow 500 ms apart.
    expect(at[2]! - at[0]!).toBeLessThan(400);
    expect(at[4]! - at[0]!).toBeGreaterThanOrEqual(950);
  });

  it('answers rate_limited, without crashing or sending, when the queue overflows', async () => {
    const { server, api } = await setup({ rateLimit: { perSecond: 10, maxQueue: 2 } });
    const results = await distinctCalls(api, 6);
    const limited = results.filter((r) => !r.ok);
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(limited).toHaveLength(4);
    for (const r of limited) {
      expect(r).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { retry_after_s: 1 } } });
      if (!r.ok) expect(r.error.message).toContain('annuaire');
    }
    expect(server.count()).toBe(2);
    expect(api.stats().errors).toEqual({ rate_limited: 4 });
  });

  it("refuses at once when the wait for a slot exceeds the call's deadline", async () => {
    const { server, api } = await setup({ rateLimit: { perSecond: 2 } });
    const first = await api.json({ path: '/search', query: { q: 'a' } });
    const started = Date.now();
    const second = await api.json({ path: '/search', query: { q: 'b' }, deadlineMs: 100 });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(Date.now() - started).toBeLessThan(100);
    expect(server.count()).toBe(1);
  });

  it('stops waiting in the queue when the caller aborts', async () => {
    const { server, api } = await setup({ rateLimit: { perSecond: 1 } });
    await api.json({ path: '/search', query: { q: 'a' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const res = await api.json({ path: '/search', query: { q: 'b' }, signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(500);
    expect(res).toMatchObject({ ok: false, error: { details: { cancelled: true } } });
    expect(server.count()).toBe(1);
  });

  it('scope host: two clients of one host on one store share one bucket; by default each has its own', async () => {
    const server = await serve([{ path: /^\/search/, body: { results: [] } }]);
    const send = async (scope: 'client' | 'host') => {
      const store = createMemoryStore();
      const clients = ['annuaire', 'verify'].map((name) =>
        track(
          createUpstream({
            name,
            baseUrl: server.url,
            store,
            rateLimit: { perSecond: 5, scope },
          }),
        ),
      );
      server.reset();
      const started = performance.now();
      await Promise.all(
        clients.flatMap((api) =>
          [0, 1, 2].map((i) => api.json({ path: '/search', query: { q: `${scope}${api.name}${i}` } })),
        ),
      );
      return performance.now() - started;
    };
    // Six calls at 5 req/s from one bucket: the last leaves ~1 s in; from two buckets, ~0.4 s in.
    expect(await send('host')).toBeGreaterThanOrEqual(950);
    expect(await send('client')).toBeLessThan(900);
  });
});
