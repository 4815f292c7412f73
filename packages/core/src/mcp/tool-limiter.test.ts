import { describe, expect, it } from 'vitest';
import { createToolLimiter } from './tool-limiter.js';

describe('tool limiter', () => {
  it('hands a released slot to the next waiter, in order, and counts a double release once', async () => {
    const limiter = createToolLimiter({ concurrency: 1, queue: 2, queueWaitMs: 10_000 });
    const first = await limiter.acquire();
    if (!first.ok) throw new Error('expected a slot');
    const order: number[] = [];
    const second = limiter.acquire().then((s) => {
      order.push(2);
      return s;
    });
    const third = limiter.acquire().then((s) => {
      order.push(3);
      return s;
    });
    expect(limiter.waiting).toBe(2);
    first.release();
    first.release();
    const s2 = await second;
    expect(limiter.running).toBe(1);
    expect(limiter.waiting).toBe(1);
    if (s2.ok) s2.release();
    const s3 = await third;
    if (s3.ok) s3.release();
    expect(order).toEqual([2, 3]);
    expect(limiter.running).toBe(0);
  });

  it('refuses at once when the queue is full, and drops a waiter whose caller went away', async () => {
    const limiter = createToolLimiter({ concurrency: 1, queue: 1, queueWaitMs: 10_000 });
    const held = await limiter.acquire();
    const gone = new AbortController();
    const waiting = limiter.acquire(gone.signal);
    expect(await limiter.acquire()).toEqual({ ok: false, retryAfterS: 10 });
    gone.abort();
    expect((await waiting).ok).toBe(false);
    expect(limiter.waiting).toBe(0);
    if (held.ok) held.release();
    expect(limiter.running).toBe(0);
  });
});
