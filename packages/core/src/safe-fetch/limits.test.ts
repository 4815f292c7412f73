import { afterEach, describe, expect, it } from 'vitest';
import { createFetchBudget, isBudgetSpent } from '../limits/fetch-budget.js';
import { createSemaphore } from '../limits/semaphore.js';
import { type ReplayServer, startReplayServer } from '../testing/replay-server.js';
import { createSafeFetch } from './safe-fetch.js';

const open: ReplayServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A loopback site that answers after a pause and records how many requests it serves at once. */
const slowSite = async (delayMs: number) => {
  let inFlight = 0;
  let peak = 0;
  const server = await startReplayServer([
    {
      path: /.*/,
      handle: (_req, res) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        setTimeout(() => {
          inFlight -= 1;
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<p>page</p>');
        }, delayMs);
      },
    },
  ]);
  open.push(server);
  return { server, peak: () => peak };
};

describe('safeFetch: process-wide concurrency (FETCH_CONCURRENCY)', () => {
  it('never has more fetches in flight at the site than the gate allows, and still serves them all', async () => {
    const { server, peak } = await slowSite(40);
    const sf = createSafeFetch({
      allowHosts: ['127.0.0.1'],
      gate: createSemaphore({ limit: 3, maxQueue: 100 }),
    });
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => sf(`${server.url}/p${i}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.count()).toBe(24);
    expect(peak()).toBe(3);
  });

  it('answers rate_limited at once when the wait queue is full, without sending the request', async () => {
    const { server } = await slowSite(100);
    const sf = createSafeFetch({
      allowHosts: ['127.0.0.1'],
      gate: createSemaphore({ limit: 1, maxQueue: 1 }),
    });
    const results = await Promise.all([1, 2, 3].map((i) => sf(`${server.url}/p${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results[2]).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', details: { reason: 'fetch_queue', retry_after_s: 1 } },
    });
    expect(server.count()).toBe(2);
  });
});

describe('safeFetch: per-request fetch budget (FETCH_BUDGET)', () => {
  it('sends at most the budget, counting every redirect hop, and says why the rest were refused', async () => {
    const server = await startReplayServer([
      { path: '/moved', status: 301, headers: { location: '/page' } },
      { path: /.*/, body: 'ok', headers: { 'content-type': 'text/plain' } },
    ]);
    open.push(server);
    const sf = createSafeFetch({ allowHosts: ['127.0.0.1'] });
    const budget = createFetchBudget(3);
    expect((await sf(`${server.url}/moved`, { budget })).ok).toBe(true); // two hops
    expect((await sf(`${server.url}/a`, { budget })).ok).toBe(true);
    const refused = await sf(`${server.url}/b`, { budget });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', details: { reason: 'fetch_budget', fetch_budget: 3 } },
    });
    expect(!refused.ok && isBudgetSpent(refused.error)).toBe(true);
    expect(server.count()).toBe(3);
    expect(budget.used).toBe(3);
  });
});
