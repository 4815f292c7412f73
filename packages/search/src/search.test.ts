import { readFixture } from '@mcp/core/testing';
import { warmHtmlPool } from '@mcp/html';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchConfigFromEnv, searchEnvSchema } from './config.js';
import { duckDuckGoTask } from './providers/duckduckgo-parse.js';
import { createSearch } from './search.js';
import { closeReplaysAfterEach, configFor, html, KEYS, ROUTES, replay, searchWith } from './test-support.js';

closeReplaysAfterEach();

// Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
beforeAll(() => warmHtmlPool(duckDuckGoTask), 60_000);

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
