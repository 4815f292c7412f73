import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory.js';

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('memory store: token bucket', () => {
  it('spaces calls 1/perSecond apart with the default burst of 1', async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    expect(await store.take('k', { perSecond: 7 })).toEqual({ ok: true });
    expect(await store.take('k', { perSecond: 7 })).toEqual({ ok: false, waitMs: 143 });
    c.advance(143);
    expect(await store.take('k', { perSecond: 7 })).toEqual({ ok: true });
  });

  it('lets `burst` calls through at once, then refills at the rate', async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    const rate = { perSecond: 10, burst: 3 };
    for (let i = 0; i < 3; i += 1) expect(await store.take('k', rate)).toEqual({ ok: true });
    expect(await store.take('k', rate)).toEqual({ ok: false, waitMs: 100 });
    c.advance(1000);
    for (let i = 0; i < 3; i += 1) expect((await store.take('k', rate)).ok).toBe(true);
  });

  it('keeps host buckets (takeHost) apart from take keys, one per host', async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    const rate = { perSecond: 7 };
    expect(await store.takeHost('api.example:443', rate)).toEqual({ ok: true });
    expect(await store.takeHost('api.example:443', rate)).toEqual({ ok: false, waitMs: 143 });
    // A `take` key spelled like the host is another bucket, and so is another host.
    expect(await store.take('api.example:443', rate)).toEqual({ ok: true });
    expect(await store.takeHost('other.example', rate)).toEqual({ ok: true });
  });

  it('keeps one bucket per key', async () => {
    const store = createMemoryStore();
    expect((await store.take('a', { perSecond: 1 })).ok).toBe(true);
    expect((await store.take('b', { perSecond: 1 })).ok).toBe(true);
  });
});

describe('memory store: cache, counters, locks', () => {
  it('returns cached values until their TTL passes, including null', async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    await store.set('x', { status: 200 }, 100);
    await store.set('n', null, 100);
    expect(await store.get('x')).toEqual({ status: 200 });
    expect(await store.get('n')).toBeNull();
    c.advance(101);
    expect(await store.get('x')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond maxEntries, and skips entries over maxBytes', async () => {
    const store = createMemoryStore({ maxEntries: 2, maxBytes: 1000 });
    await store.set('a', 'A', 60_000);
    await store.set('b', 'B', 60_000);
    await store.get('a');
    await store.set('c', 'C', 60_000);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe('A');
    await store.set('big', 'x'.repeat(5000), 60_000);
    expect(await store.get('big')).toBeUndefined();
  });

  it('counts within a window that starts at the first increment, and says when it resets', async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    expect(await store.incr('auth|1.2.3.4', 1000)).toEqual({ count: 1, resetInMs: 1000 });
    c.advance(600);
    expect(await store.incr('auth|1.2.3.4', 1000)).toEqual({ count: 2, resetInMs: 400 });
    expect(await store.count('auth|1.2.3.4')).toEqual({ count: 2, resetInMs: 400 });
    expect(await store.count('auth|5.6.7.8')).toEqual({ count: 0, resetInMs: 0 });
    c.advance(500);
    expect(await store.count('auth|1.2.3.4')).toEqual({ count: 0, resetInMs: 0 });
    expect((await store.incr('auth|1.2.3.4', 1000)).count).toBe(1);
    await store.delete('auth|1.2.3.4');
    expect((await store.count('auth|1.2.3.4')).count).toBe(0);
  });

  it('grants a lock to one holder until release or expiry', async () => {
    const c = clock();
    const store = createMemoryStore({ now: c.now });
    const release = await store.lock('job', 500);
    expect(release).toBeTypeOf('function');
    expect(await store.lock('job', 500)).toBeUndefined();
    await release?.();
    const again = await store.lock('job', 500);
    expect(again).toBeTypeOf('function');
    c.advance(501);
    expect(await store.lock('job', 500)).toBeTypeOf('function');
    // A stale release (after expiry and re-acquisition) must not free the new holder's lock.
    await again?.();
    expect(await store.lock('job', 500)).toBeUndefined();
  });
});
