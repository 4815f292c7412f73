import { type ReplayServer, startReplayServer, toolErrorOf } from '@mcp/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { haversineKm } from '../service/geo.js';
import { fixture, type Harness, harness, sc } from '../testing/fixtures.js';

let upstream: ReplayServer;
let h: Harness;

beforeAll(async () => {
  // No /near_point answer was recorded; its shape is the /search one, so the Rennes search stands in.
  upstream = await startReplayServer([{ path: '/near_point', body: fixture('agRennes') }]);
  h = harness(upstream.url);
});
afterAll(async () => {
  await h.close();
  await upstream.close();
});
beforeEach(() => upstream.reset());

describe('search_near_point', () => {
  it('sends lat/long/radius (long, not lon) with filters and ranks by distance', async () => {
    const out = sc(
      await h.call('search_near_point', {
        latitude: 48.1113,
        longitude: -1.68,
        radius_km: 2,
        naf_section: 'M',
        per_page: 25,
      }),
    );
    expect(Object.fromEntries(upstream.requests[0]?.query ?? [])).toEqual({
      lat: '48.1113',
      long: '-1.68',
      radius: '2',
      section_activite_principale: 'M',
      page: '1',
      per_page: '25',
    });
    expect(out).toMatchObject({
      center: { latitude: 48.1113, longitude: -1.68, radius_km: 2 },
      total_results: 37,
    });
    const first = (out.results as { siren: string; nearest_distance_km: number }[])[0];
    expect(first?.siren).toBe('435246145');
    expect(first?.nearest_distance_km).toBeCloseTo(
      haversineKm(48.1113, -1.68, 48.113610591, -1.677964425),
      2,
    );
    expect(first?.nearest_distance_km).toBeLessThan(1);
  });

  it('refuses a radius above the API limit of 50 km', async () => {
    const res = await h.call('search_near_point', { latitude: 48.1, longitude: -1.6, radius_km: 60 });
    expect(toolErrorOf(res)).toMatchObject({ code: 'invalid_input', details: { fields: ['radius_km'] } });
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses the filters the API ignores near a point, naming them, instead of answering unfiltered', async () => {
    const res = await h.call('search_near_point', {
      latitude: 48.1,
      longitude: -1.6,
      legal_form: '5710',
      headcount_band: '21',
    });
    expect(res.isError).toBe(true);
    const text = JSON.stringify(res.content);
    expect(text).toContain('legal_form');
    expect(text).toContain('headcount_band');
    expect(upstream.requests).toHaveLength(0);
  });

  it('computes great-circle distances', () => {
    // Paris Notre-Dame → Rennes cathedral, about 308 km.
    expect(haversineKm(48.853, 2.3499, 48.1115, -1.6824)).toBeGreaterThan(300);
    expect(haversineKm(48.853, 2.3499, 48.1115, -1.6824)).toBeLessThan(315);
  });
});
