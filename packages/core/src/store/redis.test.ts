import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { deleteRedisKeys, freePort, startRedisServer, uniqueRedisPrefix } from '../testing/redis-server.js';
import { createRedisStore, type SharedStore } from './redis.js';
import { hostRateKey } from './redis-ops.js';

// The machine's shared Redis (CI starts one when none answers); never killed by these tests.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = uniqueRedisPrefix('store');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface LogLine {
  level: 'warn' | 'info' | 'debug';
  msg: string;
}

const recorder = () => {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (_obj: unknown, msg?: string): void => {
      lines.push({ level, msg: msg ?? '' });
    };
  return { lines, log: { warn: at('warn'), info: at('info'), debug: at('debug') } as never };
};

const opened: SharedStore[] = [];
const open = (url = REDIS_URL, prefix = PREFIX, log = recorder().log) => {
  const store = createRedisStore({ url, prefix, log });
  opened.push(store);
  return store;
};

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await deleteRedisKeys(REDIS_URL, PREFIX);
});

describe('redis store: token bucket on the Redis clock', () => {
  it('spaces calls 1/perSecond apart and tells how long to wait', async () => {
    const store = open();
    expect(await store.take('spacing', { perSecond: 5 })).toEqual({ ok: true });
    const second = await store.take('spacing', { perSecond: 5 });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.waitMs).toBeGreaterThan(150);
    if (!second.ok) expect(second.waitMs).toBeLessThanOrEqual(200);
    expect(store.shared).toBe(true);
  });

  it('lets `burst` calls through at once, then refuses', async () => {
    const store = open();
    const rate = { perSecond: 10, burst: 3 };
    for (let i = 0; i < 3; i += 1) expect(await store.take('burst', rate)).toEqual({ ok: true });
    expect((await store.take('burst', rate)).ok).toBe(false);
  });

  it('is one bucket for two clients (two replicas)', async () => {
    const a = open();
    const b = open();
    expect((await a.take('two', { perSecond: 2 })).ok).toBe(true);
    expect((await b.take('two', { perSecond: 2 })).ok).toBe(false);
  });

  it('shares a host bucket (takeHost) across prefixes, outside both, at mcp:host:<host>:rate', async () => {
    // Two apps (two REDIS_PREFIX values) calling one API host.
    const host = `host-${PREFIX.replace(/\W/g, '')}.invalid:443`;
    const a = open(REDIS_URL, `${PREFIX}app-a:`);
    const b = open(REDIS_URL, `${PREFIX}app-b:`);
    try {
      expect(await a.takeHost(host, { perSecond: 2 })).toEqual({ ok: true });
      const second = await b.takeHost(host, { perSecond: 2 });
      expect(second.ok).toBe(false);
      // The per-app `take` buckets stay apart: the same name under each prefix is its own bucket.
      expect(await a.take(host, { perSecond: 2 })).toEqual({ ok: true });
      expect(await b.take(host, { perSecond: 2 })).toEqual({ ok: true });
    } finally {
      expect(await deleteRedisKeys(REDIS_URL, hostRateKey(host))).toBe(1);
    }
  });

  it('grants no more than the rate to two clients racing for 1 s', async () => {
    const clients = [open(), open()];
    const grants: number[] = [];
    const started = Date.now();
    await Promise.all(
      clients.map(async (store) => {
        while (Date.now() - started < 1000) {
          const turn = await store.take('race', { perSecond: 10 });
          if (turn.ok) grants.push(Date.now());
          else await sleep(turn.waitMs);
        }
      }),
    );
    // 1 s at 10/s: 10 grants plus the one at t=0.
    expect(grants.length).toBeGreaterThanOrEqual(9);
    expect(grants.length).toBeLessThanOrEqual(11);
  });
});

describe('redis store: cache, counters, locks', () => {
  it('stores JSON values until their TTL passes', async () => {
    const store = open();
    await store.set('obj', { status: 200, text: 'é', list: [1, null] }, 5000);
    await store.set('nul', null, 5000);
    await store.set('short', 'x', 40);
    expect(await store.get('obj')).toEqual({ status: 200, text: 'é', list: [1, null] });
    expect(await store.get('nul')).toBeNull();
    expect(await store.get('missing')).toBeUndefined();
    await sleep(80);
    expect(await store.get('short')).toBeUndefined();
    await store.delete('obj');
    expect(await store.get('obj')).toBeUndefined();
  });

  it('a value one client writes is read by another', async () => {
    await open().set('shared-entry', { n: 42 }, 5000);
    expect(await open().get('shared-entry')).toEqual({ n: 42 });
  });

  it('counts across clients within a window that starts at the first increment', async () => {
    const a = open();
    const b = open();
    const first = await a.incr('fails', 300);
    expect(first.count).toBe(1);
    expect(first.resetInMs).toBeGreaterThan(200);
    expect(first.resetInMs).toBeLessThanOrEqual(300);
    expect((await b.incr('fails', 300)).count).toBe(2);
    expect((await a.incr('fails', 300)).count).toBe(3);
    const seen = await b.count('fails');
    expect(seen.count).toBe(3);
    // Later increments do not extend the window.
    expect(seen.resetInMs).toBeLessThanOrEqual(first.resetInMs);
    await sleep(350);
    expect(await a.count('fails')).toEqual({ count: 0, resetInMs: 0 });
    expect((await a.incr('fails', 300)).count).toBe(1);
  });

  it('locks exclusively across clients, and a late release never frees the next holder', async () => {
    const a = open();
    const b = open();
    const releaseA = await a.lock('job', 100);
    expect(releaseA).toBeTypeOf('function');
    expect(await b.lock('job', 100)).toBeUndefined();
    await sleep(150); // A's lock expired
    const releaseB = await b.lock('job', 5000);
    expect(releaseB).toBeTypeOf('function');
    await releaseA?.();
    expect(await a.lock('job', 100)).toBeUndefined();
    await releaseB?.();
    await releaseB?.();
    expect(await a.lock('job', 100)).toBeTypeOf('function');
  });

  it('keeps every key under its prefix, invisible to another prefix', async () => {
    const other = `${PREFIX}other:`;
    await open().set('k', 1, 5000);
    await open().incr('k', 5000);
    expect(await open(REDIS_URL, other).get('k')).toBeUndefined();
    expect((await open(REDIS_URL, other).count('k')).count).toBe(0);
    const raw = new Redis(REDIS_URL);
    try {
      expect(await raw.get(`${PREFIX}c:k`)).toBe('1');
      expect(await raw.get(`${PREFIX}n:k`)).toBe('1');
    } finally {
      raw.disconnect();
    }
  });
});

describe('redis store: Redis down', () => {
  it('answers from a local store when Redis cannot be reached, and says so once', async () => {
    const port = await freePort(); // nothing listens there
    const rec = recorder();
    const store = open(`redis://127.0.0.1:${port}`, PREFIX, rec.log);
    expect((await store.take('k', { perSecond: 1 })).ok).toBe(true);
    expect((await store.take('k', { perSecond: 1 })).ok).toBe(false); // still limited, locally
    expect((await store.incr('auth', 60_000)).count).toBe(1);
    expect((await store.incr('auth', 60_000)).count).toBe(2);
    expect((await store.count('auth')).count).toBe(2);
    await store.set('c', { v: 1 }, 5000);
    expect(await store.get('c')).toEqual({ v: 1 });
    expect(await store.lock('l', 1000)).toBeTypeOf('function');
    expect(store.shared).toBe(false);
    expect(rec.lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual([
      'redis unavailable: using local in-memory limits, cache and locks',
    ]);
  });

  it('a stalled Redis costs one command timeout, not one per call', async () => {
    const redis = await startRedisServer();
    try {
      const rec = recorder();
      const store = open(redis.url, PREFIX, rec.log);
      expect((await store.incr('stall', 60_000)).count).toBe(1);
      redis.pause();
      const started = Date.now();
      const counts: number[] = [];
      for (let i = 0; i < 10; i += 1) counts.push((await store.incr('stall', 60_000)).count);
      // The first call waits for the 500 ms command timeout; the next ones answer locally at once.
      expect(Date.now() - started).toBeLessThan(900);
      expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      redis.resume();
      await sleep(1100);
      // Shared again: the timed-out INCR had reached Redis and ran once it resumed, so it counts too.
      expect((await store.incr('stall', 60_000)).count).toBe(3);
      expect(store.shared).toBe(true);
    } finally {
      await redis.stop();
    }
  });

  it('falls back when Redis dies mid-run and shares again when it is back', async () => {
    const redis = await startRedisServer();
    try {
      const rec = recorder();
      const store = open(redis.url, PREFIX, rec.log);
      expect((await store.incr('n', 60_000)).count).toBe(1);
      expect(store.shared).toBe(true);

      await redis.kill();
      // Every call still answers, promptly, with local counting (never a pass for auth).
      const started = Date.now();
      expect((await store.incr('n', 60_000)).count).toBe(1);
      expect((await store.incr('n', 60_000)).count).toBe(2);
      expect((await store.take('r', { perSecond: 1 })).ok).toBe(true);
      expect((await store.take('r', { perSecond: 1 })).ok).toBe(false);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(store.shared).toBe(false);

      await redis.restart();
      const until = Date.now() + 5000;
      while (!store.shared && Date.now() < until) await sleep(50);
      expect(store.shared).toBe(true);
      // The restarted Redis is empty: the shared count starts again there.
      expect((await store.incr('n', 60_000)).count).toBe(1);
      expect(rec.lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual([
        'redis unavailable: using local in-memory limits, cache and locks',
        'redis is back: limits, cache and locks shared again',
      ]);
    } finally {
      await redis.stop();
    }
  });
});
