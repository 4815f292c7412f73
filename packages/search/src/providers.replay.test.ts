import { recordingStore } from '@mcp/core/testing';
import { warmHtmlPool } from '@mcp/html';
import { beforeAll, describe, expect, it } from 'vitest';
import { duckDuckGoTask } from './providers/duckduckgo-parse.js';
import { createSearch } from './search.js';
import { closeReplaysAfterEach, configFor, KEYS, ROUTES, replay, searchWith } from './test-support.js';

closeReplaysAfterEach();

// Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
beforeAll(() => warmHtmlPool(duckDuckGoTask), 60_000);

describe('each provider against its recorded answer', () => {
  it('serper: POSTs q/gl/hl/num/page with X-API-KEY', async () => {
    const server = await replay([ROUTES.serper]);
    const res = await searchWith({ ...configFor(server.url), provider: 'serper' })({
      query: 'arsenal',
      num: 5,
    });
    expect(res.ok && res.value.results.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    expect(res.ok && res.value.results[0]?.url).toBe('https://www.youtube.com/watch?v=ItHrwGSHFiY');
    expect(res.ok && res.value.provider).toBe('serper');
    const [req] = server.requests;
    expect(req?.headers['x-api-key']).toBe(KEYS.serper);
    expect(JSON.parse(req?.body ?? '{}')).toEqual({ q: 'arsenal', gl: 'fr', hl: 'fr', num: 5, page: 1 });
  });

  it('serpapi: GETs engine=google with the key as api_key', async () => {
    const server = await replay([ROUTES.serpapi]);
    const res = await searchWith({ ...configFor(server.url), provider: 'serpapi' })({
      query: 'coffee',
      page: 2,
    });
    expect(res.ok && res.value.results).toHaveLength(9);
    const q = server.requests[0]?.query;
    expect(Object.fromEntries(q ?? [])).toEqual({
      engine: 'google',
      q: 'coffee',
      gl: 'fr',
      hl: 'fr',
      num: '10',
      start: '10',
      api_key: KEYS.serpapi,
    });
  });

  it('brave: GETs with X-Subscription-Token, count, page offset, country, search_lang', async () => {
    const server = await replay([ROUTES.brave]);
    const res = await searchWith({ ...configFor(server.url), provider: 'brave' })({
      query: 'hello world',
      num: 20,
      site: 'wikipedia.org',
    });
    expect(res.ok && res.value.results).toHaveLength(20);
    expect(res.ok && res.value.results[0]?.title).toBe('"Hello, World!" program - Wikipedia');
    const req = server.requests[0];
    expect(req?.headers['x-subscription-token']).toBe(KEYS.brave);
    expect(Object.fromEntries(req?.query ?? [])).toEqual({
      q: 'hello world site:wikipedia.org',
      count: '20',
      country: 'FR',
      search_lang: 'fr',
    });
  });

  it('searxng: keeps the instance path prefix and asks for format=json', async () => {
    const server = await replay([ROUTES.searxng]);
    const res = await searchWith({ ...configFor(server.url), provider: 'searxng' })({
      query: 'espresso',
      num: 20,
    });
    expect(res.ok && res.value.results).toHaveLength(20);
    expect(server.requests[0]?.url).toBe(
      '/searx/search?q=espresso&format=json&language=fr-FR&pageno=1&safesearch=0',
    );
  });

  it('google_cse: sends the key as a header, never in the URL, and caps num at 10', async () => {
    const server = await replay([ROUTES.google_cse]);
    const res = await searchWith({ ...configFor(server.url), provider: 'google_cse' })({
      query: 'test',
      num: 20,
    });
    expect(res.ok && res.value.results).toHaveLength(9);
    const req = server.requests[0];
    expect(req?.headers['x-goog-api-key']).toBe(KEYS.google);
    expect(req?.url).not.toContain(KEYS.google);
    expect(req?.query.get('num')).toBe('10');
    expect(req?.query.get('cx')).toBe('cx-017576662512468239146');
  });

  it('duckduckgo: posts the html endpoint form with the fr-fr region and unwraps links', async () => {
    const server = await replay([ROUTES.duckduckgo]);
    const res = await searchWith({ ...configFor(server.url), provider: 'duckduckgo' })({
      query: 'weather Jakarta',
    });
    expect(res.ok && res.value.results).toHaveLength(10);
    expect(res.ok && res.value.results[0]?.url).toBe(
      'https://www.accuweather.com/en/id/jakarta/208971/weather-forecast/208971',
    );
    const sent = server.requests[0];
    expect(sent?.method).toBe('POST');
    expect(sent?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(sent?.body);
    expect(form.get('q')).toBe('weather Jakarta');
    expect(form.get('kl')).toBe('fr-fr');
  });
});

describe('store key names', () => {
  it('never contain a provider key, not even SerpAPI’s, which travels in the query string', async () => {
    const server = await replay([ROUTES.serpapi, ROUTES.google_cse]);
    const store = recordingStore();
    for (const provider of ['serpapi', 'google_cse'] as const) {
      const { search } = createSearch(configFor(server.url, { SERP_PROVIDER: provider }), { store });
      const res = await search({ query: 'coffee java' });
      expect(res.ok).toBe(true);
    }
    expect(server.requests.some((r) => r.url.includes(KEYS.serpapi))).toBe(true);
    expect(store.keys.size).toBeGreaterThan(0);
    for (const key of store.keys) {
      expect(key).not.toContain(KEYS.serpapi);
      expect(key).not.toContain(KEYS.google);
    }
  });
});
