import { type ReplayRoute, type ReplayServer, readFixture, startReplayServer } from '@mcp/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type SearchConfig, searchConfigFromEnv, searchEnvSchema } from './config.js';
import { createSearch } from './search.js';
import type { ProviderId } from './types.js';

const KEYS = {
  serper: 'serper-key-5f2a9c81d0',
  serpapi: 'serpapi-key-0e4b7d12aa',
  brave: 'brave-key-93c1e6f0b7',
  google: 'google-key-AIzaSyTest12',
};

const fixture = (file: string): ReplayRoute['body'] => readFixture('serp', file);
const json = { 'content-type': 'application/json' };
const html = { 'content-type': 'text/html; charset=utf-8' };

const ROUTES: Record<ProviderId, ReplayRoute> = {
  serper: { method: 'POST', path: '/search', headers: json, body: fixture('serper_search_arsenal.json') },
  serpapi: { path: '/search.json', headers: json, body: fixture('serpapi_google_coffee_java.json') },
  brave: { path: '/res/v1/web/search', headers: json, body: fixture('brave_web.json') },
  searxng: { path: '/searx/search', headers: json, body: fixture('searxng_espresso_grind_size.json') },
  google_cse: { path: '/customsearch/v1', headers: json, body: fixture('google_cse_q-test.json') },
  duckduckgo: { path: '/html/', headers: html, body: fixture('ddg_html_weather_jakarta.html') },
};

let servers: ReplayServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const replay = async (routes: ReplayRoute[]): Promise<ReplayServer> => {
  const server = await startReplayServer(routes);
  servers.push(server);
  return server;
};

/** Every provider configured against one loopback server, as the env would set it. */
const configFor = (url: string, extra: Record<string, string> = {}): SearchConfig =>
  searchConfigFromEnv(
    searchEnvSchema.parse({
      SERPER_API_KEY: KEYS.serper,
      SERPER_BASE_URL: url,
      SERPAPI_API_KEY: KEYS.serpapi,
      SERPAPI_BASE_URL: url,
      BRAVE_API_KEY: KEYS.brave,
      BRAVE_BASE_URL: url,
      SEARXNG_URL: `${url}/searx`,
      GOOGLE_CSE_KEY: KEYS.google,
      GOOGLE_CSE_CX: 'cx-017576662512468239146',
      GOOGLE_CSE_BASE_URL: url,
      DDG_BASE_URL: url,
      SERP_TIMEOUT_MS: '2000',
      ...extra,
    }),
  );

const searchWith = (config: SearchConfig) => createSearch(config).search;

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

  it('duckduckgo: asks the html endpoint with the fr-fr region and unwraps links', async () => {
    const server = await replay([ROUTES.duckduckgo]);
    const res = await searchWith({ ...configFor(server.url), provider: 'duckduckgo' })({
      query: 'weather Jakarta',
    });
    expect(res.ok && res.value.results).toHaveLength(10);
    expect(res.ok && res.value.results[0]?.url).toBe(
      'https://www.accuweather.com/en/id/jakarta/208971/weather-forecast/208971',
    );
    expect(server.requests[0]?.query.get('kl')).toBe('fr-fr');
  });
});

describe('auto: falling through providers', () => {
  it('moves on when SerpAPI says the credit is too low, and names both providers', async () => {
    const server = await replay([
      { path: '/search.json', status: 429, headers: json, body: fixture('serpapi_error.json') },
      ROUTES.brave,
    ]);
    const config = { ...configFor(server.url), order: ['serpapi', 'brave'] as const };
    const res = await searchWith(config)({ query: 'hello world' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.provider).toBe('brave');
    expect(res.value.providers_failed).toEqual([
      { provider: 'serpapi', code: 'rate_limited', message: expect.stringContaining('SerpAPI') },
    ]);
    expect(res.value.results[0]?.url).toBe('https://en.wikipedia.org/wiki/%22Hello,_World!%22_program');
  });

  it('reads the credit error from a 200 body the same way', async () => {
    const server = await replay([
      { path: '/search.json', headers: json, body: fixture('serpapi_error.json') },
      ROUTES.serper,
    ]);
    const res = await searchWith({ ...configFor(server.url), order: ['serpapi', 'serper'] })({
      query: 'arsenal',
    });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.provider).toBe('serper');
    expect(res.value.providers_failed).toEqual([
      {
        provider: 'serpapi',
        code: 'rate_limited',
        message: 'SerpAPI: Your account credit is too low, please add more credits.',
      },
    ]);
  });

  it('treats the DuckDuckGo 202 challenge as blocked and asks the next provider', async () => {
    const server = await replay([
      { path: '/html/', status: 202, headers: html, body: fixture('ddg_challenge_lite_anomaly.html') },
      ROUTES.searxng,
    ]);
    const res = await searchWith({ ...configFor(server.url), order: ['duckduckgo', 'searxng'] })({
      query: 'espresso',
    });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.provider).toBe('searxng');
    expect(res.value.providers_failed[0]).toMatchObject({ provider: 'duckduckgo', code: 'blocked' });
  });

  it('treats the challenge page served with 200 as blocked too', async () => {
    const server = await replay([
      { path: '/html/', headers: html, body: fixture('ddg_challenge_lite_anomaly.html') },
      ROUTES.google_cse,
    ]);
    const res = await searchWith({ ...configFor(server.url), order: ['duckduckgo', 'google_cse'] })({
      query: 'test',
    });
    expect(res.ok && res.value.provider).toBe('google_cse');
    expect(res.ok && res.value.providers_failed.map((f) => f.code)).toEqual(['blocked']);
  });

  it('uses the keyless DuckDuckGo last when every keyed provider fails', async () => {
    const server = await replay([
      {
        method: 'POST',
        path: '/search',
        status: 403,
        headers: json,
        body: '{"message":"Unauthorized.","statusCode":403}',
      },
      {
        path: '/search.json',
        status: 401,
        headers: json,
        body: '{"error":"Invalid API key. Your API key should be here: https://serpapi.com/manage-api-key"}',
      },
      {
        path: '/res/v1/web/search',
        status: 429,
        headers: json,
        body: '{"type":"ErrorResponse","error":{"code":"RATE_LIMITED","detail":"Request rate limit exceeded","status":429}}',
      },
      { path: '/searx/search', status: 403, body: 'Forbidden' },
      {
        path: '/customsearch/v1',
        status: 400,
        headers: json,
        body: '{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}',
      },
      ROUTES.duckduckgo,
    ]);
    const res = await searchWith(configFor(server.url))({ query: 'weather Jakarta' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.provider).toBe('duckduckgo');
    expect(res.value.providers_failed.map((f) => [f.provider, f.code])).toEqual([
      ['serper', 'upstream_http'],
      ['serpapi', 'upstream_http'],
      ['brave', 'rate_limited'],
      ['searxng', 'not_configured'],
      ['google_cse', 'upstream_http'],
    ]);
    const byProvider = Object.fromEntries(res.value.providers_failed.map((f) => [f.provider, f.message]));
    expect(byProvider.serper).toBe('Serper rejected the API key (HTTP 403): Unauthorized.');
    expect(byProvider.serpapi).toContain('Invalid API key');
    expect(byProvider.searxng).toContain('json format');
    expect(byProvider.google_cse).toContain('API key not valid');
  });

  it('fails with every provider named when none answers', async () => {
    const server = await replay([
      { path: '/search.json', status: 429, headers: json, body: fixture('serpapi_error.json') },
      { path: '/html/', status: 202, headers: html, body: fixture('ddg_challenge_lite_anomaly.html') },
    ]);
    const res = await searchWith({ ...configFor(server.url), order: ['serpapi', 'duckduckgo'] })({
      query: 'x',
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('upstream_http');
    expect(res.error.message).toMatch(
      /^Every search provider failed: serpapi \(rate_limited: .*\); duckduckgo \(blocked: /,
    );
    expect(res.error.details?.providers_failed).toHaveLength(2);
  });
});

describe('secrets', () => {
  it('never lets a key echoed by a provider reach the answer', async () => {
    const server = await replay([
      {
        path: '/search.json',
        status: 401,
        headers: json,
        body: JSON.stringify({ error: `Invalid API key: ${KEYS.serpapi}` }),
      },
      {
        path: '/res/v1/web/search',
        status: 401,
        headers: json,
        body: JSON.stringify({
          error: { code: 'SUBSCRIPTION_TOKEN_INVALID', detail: `token ${KEYS.brave} is invalid` },
        }),
      },
      {
        method: 'POST',
        path: '/search',
        status: 400,
        headers: json,
        body: JSON.stringify({ message: `Not enough credits for ${KEYS.serper}` }),
      },
      {
        path: '/customsearch/v1',
        status: 500,
        headers: json,
        body: JSON.stringify({ error: { message: `bad key=${encodeURIComponent(KEYS.google)}` } }),
      },
    ]);
    const res = await searchWith({
      ...configFor(server.url),
      order: ['serpapi', 'brave', 'serper', 'google_cse'],
    })({ query: 'x' });
    expect(res.ok).toBe(false);
    const text = JSON.stringify(res);
    for (const key of Object.values(KEYS)) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(encodeURIComponent(key));
    }
    expect(text).toContain('[redacted]');
    // Serper's "Not enough credits" comes as a 400: still read as a quota failure.
    const failures = !res.ok
      ? (res.error.details?.providers_failed as { provider: string; code: string }[])
      : [];
    expect(failures.map((f) => [f.provider, f.code])).toEqual([
      ['serpapi', 'upstream_http'],
      ['brave', 'upstream_http'],
      ['serper', 'rate_limited'],
      ['google_cse', 'upstream_http'],
    ]);
    expect(server.count()).toBe(4);
  });
});

describe('cache and single-flight', () => {
  it('does not keep a DuckDuckGo challenge: the next search asks again, then is cached', async () => {
    let challenged = false;
    const server = await replay([
      {
        path: '/html/',
        handle: (_req, res) => {
          const body = challenged
            ? readFixture('serp', 'ddg_html_weather_jakarta.html')
            : readFixture('serp', 'ddg_challenge_lite_anomaly.html');
          res.writeHead(challenged ? 200 : 202, html);
          res.end(body);
          challenged = true;
        },
      },
    ]);
    const search = searchWith({ ...configFor(server.url), provider: 'duckduckgo' });
    const first = await search({ query: 'weather Jakarta' });
    const second = await search({ query: 'weather Jakarta', num: 3 });
    const third = await search({ query: 'weather Jakarta', num: 5 });
    expect(first.ok).toBe(false);
    expect(second.ok && second.value.cached).toBe(false);
    expect(second.ok && second.value.results).toHaveLength(3);
    expect(third.ok && third.value.cached).toBe(true);
    expect(third.ok && third.value.results.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    expect(server.count('/html/')).toBe(2);
  });

  it('answers a repeated search from the cache, POST bodies included', async () => {
    const server = await replay([ROUTES.serper]);
    const search = searchWith({ ...configFor(server.url), provider: 'serper' });
    const first = await search({ query: 'arsenal' });
    const second = await search({ query: 'arsenal' });
    const other = await search({ query: 'arsenal', page: 2 });
    expect(first.ok && first.value.cached).toBe(false);
    expect(second.ok && second.value.cached).toBe(true);
    expect(other.ok && other.value.cached).toBe(false);
    expect(server.count('/search')).toBe(2);
  });

  it('sends one request for identical concurrent searches', async () => {
    const server = await replay([{ ...ROUTES.brave, delayMs: 100 }]);
    const search = searchWith({ ...configFor(server.url), provider: 'brave' });
    const answers = await Promise.all([
      search({ query: 'hello' }),
      search({ query: 'hello' }),
      search({ query: 'hello' }),
    ]);
    expect(answers.every((a) => a.ok && a.value.results.length === 10)).toBe(true);
    expect(server.count()).toBe(1);
  });

  it('does not cache when SERP_CACHE_TTL_S is 0', async () => {
    const server = await replay([ROUTES.serper]);
    const search = searchWith({ ...configFor(server.url, { SERP_CACHE_TTL_S: '0' }), provider: 'serper' });
    await search({ query: 'arsenal' });
    const again = await search({ query: 'arsenal' });
    expect(again.ok && again.value.cached).toBe(false);
    expect(server.count()).toBe(2);
  });
});

describe('input checks', () => {
  it.each([
    [{ query: '   ' }, 'query'],
    [{ query: 'x'.repeat(401) }, 'query'],
    [{ query: 'x', num: 21 }, 'num'],
    [{ query: 'x', num: 0 }, 'num'],
    [{ query: 'x', page: 0 }, 'page'],
    [{ query: 'x', country: 'France' }, 'country'],
    [{ query: 'x', site: 'not a domain' }, 'site'],
  ])('refuses %j naming %s, before any provider is asked', async (req, field) => {
    const server = await replay([ROUTES.serper]);
    const res = await searchWith({ ...configFor(server.url), provider: 'serper' })(req);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('invalid_input');
      expect(res.error.details?.fields).toEqual([field]);
    }
    expect(server.count()).toBe(0);
  });
});

describe('configuration', () => {
  it('orders auto as serper, serpapi, brave, searxng, google_cse, duckduckgo', () => {
    expect(createSearch(configFor('http://127.0.0.1:9')).providers).toEqual([
      'serper',
      'serpapi',
      'brave',
      'searxng',
      'google_cse',
      'duckduckgo',
    ]);
  });

  it('works out of the box with DuckDuckGo alone', () => {
    const config = searchConfigFromEnv(searchEnvSchema.parse({}));
    expect(createSearch(config).providers).toEqual(['duckduckgo']);
  });

  it('refuses a chosen provider without its key, and half a Google CSE setup', () => {
    expect(() => searchConfigFromEnv(searchEnvSchema.parse({ SERP_PROVIDER: 'brave' }))).toThrow(
      /SERP_PROVIDER=brave/,
    );
    expect(() => searchConfigFromEnv(searchEnvSchema.parse({ GOOGLE_CSE_KEY: KEYS.google }))).toThrow(
      /GOOGLE_CSE_CX/,
    );
  });
});
