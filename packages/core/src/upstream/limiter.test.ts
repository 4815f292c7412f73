import { describe, expect, it } from 'vitest';
import { err } from '../errors.js';
import { createMemoryStore } from '../store/memory.js';
import type { Store } from '../store/types.js';
import { busiestSecond } from '../testing/arrivals.js';
import { createLimiter } from './limiter.js';

const cancelled = () => err('upstream_timeout', 'cancelled', { cancelled: true });

/** Grant times as the store saw them: the clock reading of each `take` that handed out a token. */
const grantTimes = async (perSecond: number, burst: number, calls: number): Promise<number[]> => {
  let lastRead = 0;
  const inner = createMemoryStore({
    now: () => {
      lastRead = Date.now();
      return lastRead;
    },
  });
  const granted: number[] = [];
  const store: Store = {
    ...inner,
    take: async (key, rate) => {
      const turn = await inner.take(key, rate);
      if (turn.ok) granted.push(lastRead);
      return turn;
    },
  };
  const limiter = createLimiter('t', store, { perSecond, burst, maxQueue: calls }, cancelled);
  const signal = new AbortController().signal;
  const deadline = Date.now() + 60_000;
  const turns = await Promise.all(Array.from({ length: calls }, () => limiter.acquire(signal, deadline)));
  expect(turns.every((t) => t.ok)).toBe(true);
  return granted;
};

describe('limiter send times (no network jitter: the exact guarantee)', () => {
  it('never grants more than perSecond sends in any 1-second window, even when timers fire late', async () => {
    const times = await grantTimes(20, 1, 30);
    expect(busiestSecond(times)).toBeLessThanOrEqual(20);
    expect(times).toHaveLength(30);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(50);
  });

  it('with a burst, a window holds at most perSecond + burst - 1 sends', async () => {
    const times = await grantTimes(10, 3, 16);
    expect(busiestSecond(times)).toBeLessThanOrEqual(12);
  });

  it('serves waiters first in, first out', async () => {
    const limiter = createLimiter(
      't',
      createMemoryStore(),
      { perSecond: 50, burst: 1, maxQueue: 10 },
      cancelled,
    );
    const order: number[] = [];
    const signal = new AbortController().signal;
    await Promise.all(
      [0, 1, 2, 3, 4].map(async (i) => {
        await limiter.acquire(signal, Date.now() + 5000);
        order.push(i);
      }),
    );
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.queued).toBe(0);
  });

  it('drops a token whose answer came back late (a stalled event loop) and asks again', async () => {
    const inner = createMemoryStore();
    const answers: Array<'granted' | 'waited'> = [];
    let calls = 0;
    const store: Store = {
      ...inner,
      take: async (key, rate) => {
        calls += 1;
        // The first grant reaches the process 80 ms after the store gave it.
        const turn = await inner.take(key, rate);
        if (calls === 1) await new Promise((r) => setTimeout(r, 80));
        answers.push(turn.ok ? 'granted' : 'waited');
        return turn;
      },
    };
    const limiter = createLimiter('t', store, { perSecond: 10, burst: 1, maxQueue: 5 }, cancelled);
    const started = Date.now();
    const turn = await limiter.acquire(new AbortController().signal, Date.now() + 5000);
    expect(turn.ok).toBe(true);
    // The late token was not used: the caller waited for a fresh one, one interval after the first.
    expect(answers[0]).toBe('granted');
    expect(answers.at(-1)).toBe('granted');
    expect(answers.filter((a) => a === 'granted')).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });
});
