import { describe, expect, it } from 'vitest';
import { createFetchBudget } from '../limits/fetch-budget.js';
import { upstreamHarness } from '../testing/upstream-harness.js';

const { serve, client } = upstreamHarness({ name: 'annuaire' });

describe('createUpstream: the per-request fetch budget', () => {
  it('takes one per call that goes out, refuses the call once spent, and lets the cache answer for free', async () => {
    const server = await serve([{ path: /^\/search/, body: { results: [] } }]);
    const api = client(server, { cache: { ttlMs: 60_000 } });
    const budget = createFetchBudget(1);
    const first = await api.json({ path: '/search', query: { q: 'a' }, budget });
    expect(first).toMatchObject({ ok: true, value: { cached: false } });
    expect(await api.json({ path: '/search', query: { q: 'a' }, budget })).toMatchObject({
      ok: true,
      value: { cached: true },
    });
    const refused = await api.json({ path: '/search', query: { q: 'b' }, budget });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', details: { reason: 'fetch_budget', fetch_budget: 1 } },
    });
    expect(server.count()).toBe(1);
    expect(budget.used).toBe(1);
  });

  it('counts nothing for a call made without a budget', async () => {
    const server = await serve([{ path: '/x', body: {} }]);
    const api = client(server);
    expect((await api.json({ path: '/x' })).ok).toBe(true);
    expect(server.count()).toBe(1);
  });
});
