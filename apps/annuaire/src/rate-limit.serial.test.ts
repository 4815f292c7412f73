import { busiestSecond, startReplayServer } from '@mcp/core/testing';
import { luhnValid } from '@mcp/fr-ids';
import { describe, expect, it } from 'vitest';
import { fixture, harness } from './testing/fixtures.js';

/** n distinct Luhn-valid SIRENs, so neither the cache nor single-flight can merge the calls. */
const sirens = (n: number): string[] => {
  const out: string[] = [];
  for (let base = 40_000_000; out.length < n; base += 7) {
    for (let check = 0; check <= 9; check++) {
      const candidate = `${base}${check}`;
      if (luhnValid(candidate)) {
        out.push(candidate);
        break;
      }
    }
  }
  return out;
};

describe('rate limit towards the API (7 requests/s per IP)', () => {
  it('spreads a burst of 100 get_company calls: never more than 7 arrivals in any second, 0 errors', async () => {
    const body = fixture('laPoste') as { results: Array<Record<string, unknown>> };
    // Content is not under test here: every SIREN gets La Poste's record under its own number.
    const upstream = await startReplayServer((req) => {
      const q = req.query.get('q') ?? '';
      return { body: { ...body, results: body.results.map((r) => ({ ...r, siren: q })) } };
    });
    const h = harness(upstream.url);
    const ids = sirens(100);
    const results = await Promise.all(ids.map((siren) => h.call('get_company', { siren })));

    expect(results.filter((r) => r.isError)).toEqual([]);
    expect(upstream.requests).toHaveLength(100);
    expect(
      busiestSecond(
        upstream.requests.map((r) => r.at),
        { perSecond: 7 },
      ),
    ).toBeLessThanOrEqual(7);
    await h.close();
    await upstream.close();
  }, 40_000);
});
