import { warmHtmlPool } from '@mcp/html';
import { beforeAll, describe, expect, it } from 'vitest';
import { duckDuckGoTask } from './providers/duckduckgo-parse.js';
import {
  closeReplaysAfterEach,
  configFor,
  fixture,
  html,
  json,
  KEYS,
  ROUTES,
  replay,
  searchWith,
} from './test-support.js';

closeReplaysAfterEach();

// Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
beforeAll(() => warmHtmlPool(duckDuckGoTask), 60_000);

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
    // The 429 body survives core's rate_limited error: the operator sees which quota ran out.
    expect(res.error.message).toContain('Your account credit is too low');
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
