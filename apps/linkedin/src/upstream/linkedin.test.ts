import { BROWSER_USER_AGENT, createUpstream, err, ok } from '@mcp/core';
import { type ReplayServer, readFixtureText, recordingStore, startReplayServer } from '@mcp/core/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchConfigFromEnv } from '../config.js';
import { HAND_MADE_AUTHWALL } from '../testing/hand-made-pages.js';
import {
  createLinkedInFetcher,
  type LinkedInFetcher,
  MAX_WAITING,
  type PageClientFactory,
  providerUrl,
} from './linkedin.js';

const audiense = readFixtureText('linkedin', 'company_audiense_public.html');
const html = { 'content-type': 'text/html; charset=utf-8' };

let linkedin: ReplayServer;
let direct: LinkedInFetcher;

beforeAll(async () => {
  linkedin = await startReplayServer([
    { path: '/company/audiense/', headers: html, body: audiense },
    { path: '/company/slow-a/', headers: html, body: audiense, delayMs: 120 },
    { path: '/company/slow-b/', headers: html, body: audiense, delayMs: 120 },
    { path: '/company/bot/', status: 999, headers: html, body: '<html><head></head><body></body></html>' },
    {
      path: '/company/walled/',
      status: 302,
      headers: { location: '/authwall?trk=qf&original_referer=&sessionRedirect=x' },
    },
    { path: '/authwall', headers: html, body: HAND_MADE_AUTHWALL },
  ]);
  direct = createLinkedInFetcher(
    fetchConfigFromEnv({
      LINKEDIN_BASE_URL: linkedin.url,
      LINKEDIN_RATE_PER_SECOND: 50,
      LINKEDIN_CONCURRENCY: 1,
    }),
    { createUpstream },
  );
});

afterAll(async () => {
  await direct.close();
  await linkedin.close();
});

describe('direct fetch', () => {
  it('rebases linkedin.com on LINKEDIN_BASE_URL and sends browser headers, no cookie', async () => {
    const res = await direct.fetchPage('https://www.linkedin.com/company/audiense/');
    expect(res.ok && res.value).toMatchObject({
      url: 'https://www.linkedin.com/company/audiense/',
      status: 200,
      via: 'direct',
      cached: false,
    });
    expect(res.ok && res.value.html.length).toBe(audiense.length);
    const sent = linkedin.requests.find((r) => r.path === '/company/audiense/')!;
    expect(sent.headers['user-agent']).toMatch(/^Mozilla\/5\.0 .* Chrome\/\d+/);
    // core's one browser identity, with client hints of the same Chrome version.
    expect(sent.headers['user-agent']).toBe(BROWSER_USER_AGENT);
    const version = /Chrome\/(\d+)/.exec(BROWSER_USER_AGENT)?.[1];
    expect(sent.headers['sec-ch-ua']).toContain(`"Google Chrome";v="${version}"`);
    expect(sent.headers['accept-language']).toBe('fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7');
    expect(sent.headers.accept).toMatch(/^text\/html/);
    expect(sent.headers['sec-fetch-mode']).toBe('navigate');
    expect(sent.headers.cookie).toBeUndefined();
    expect(sent.headers.authorization).toBeUndefined();
  });

  it('answers HTTP 999 with blocked, saying what was seen and what to do', async () => {
    const res = await direct.fetchPage('https://www.linkedin.com/company/bot/');
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('blocked');
    expect(res.error.message).toBe(
      'LinkedIn did not serve the public page for https://www.linkedin.com/company/bot/: it returned HTTP 999 (LinkedIn’s answer to suspected bots).',
    );
    expect(res.error.details).toMatchObject({ seen: 'http_999', via: 'direct' });
    expect(String(res.error.details?.what_to_do)).toContain('LINKEDIN_FETCH_URL_TEMPLATE');
  });

  it('answers 404 with not_found', async () => {
    const res = await direct.fetchPage('https://www.linkedin.com/company/nobody-here/');
    expect(!res.ok && res.error).toMatchObject({
      code: 'not_found',
      message: 'LinkedIn has no public page at https://www.linkedin.com/company/nobody-here/ (HTTP 404).',
    });
  });

  it('stops at a redirect to /authwall, as blocked, without fetching the wall', async () => {
    // The core client is built with maxRedirects: 0, so the 3xx itself reaches the fetcher.
    const res = await direct.fetchPage('https://www.linkedin.com/company/walled/');
    expect(!res.ok && res.error).toMatchObject({ code: 'blocked', details: { seen: 'authwall' } });
    expect(linkedin.count('/authwall')).toBe(0);
  });

  it('runs at most LINKEDIN_CONCURRENCY fetches at once', async () => {
    linkedin.reset();
    await Promise.all([
      direct.fetchPage('https://www.linkedin.com/company/slow-a/'),
      direct.fetchPage('https://www.linkedin.com/company/slow-b/'),
    ]);
    const [a, b] = linkedin.requests.map((r) => r.at);
    expect(Math.abs(b! - a!)).toBeGreaterThanOrEqual(100);
  });
});

describe('rate limit', () => {
  it('spaces fetches to LINKEDIN_RATE_PER_SECOND', async () => {
    const fetcher = createLinkedInFetcher(
      fetchConfigFromEnv({
        LINKEDIN_BASE_URL: linkedin.url,
        LINKEDIN_RATE_PER_SECOND: 4,
        LINKEDIN_CONCURRENCY: 4,
      }),
      { createUpstream },
    );
    linkedin.reset();
    const started = performance.now();
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((s) => fetcher.fetchPage(`https://www.linkedin.com/company/${s}/`)),
    );
    // Burst of 4, then 4/s: the last two wait for new tokens (≈ 250 ms and 500 ms).
    expect(linkedin.count()).toBe(6);
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
    await fetcher.close();
  });
});

describe('provider template', () => {
  let provider: ReplayServer;
  let viaProvider: LinkedInFetcher;

  beforeAll(async () => {
    provider = await startReplayServer((req) => {
      const target = req.query.get('url') ?? '';
      if (target.endsWith('/company/audiense/')) return { headers: html, body: audiense };
      if (target.endsWith('/company/bot/')) return { status: 999, body: '' };
      return { status: 401, body: { message: 'Invalid API key' } };
    });
    viaProvider = createLinkedInFetcher(
      fetchConfigFromEnv({
        LINKEDIN_BASE_URL: linkedin.url,
        LINKEDIN_FETCH_URL_TEMPLATE: `${provider.url}/v1/scrape?api_key=k-123&render=false&url={url}`,
        LINKEDIN_FETCH_HEADERS: 'X-Provider-Key: secret-header-value\nX-Country: fr',
        LINKEDIN_RATE_PER_SECOND: 50,
      }),
      { createUpstream },
    );
  });

  afterAll(async () => {
    await viaProvider.close();
    await provider.close();
  });

  it('hands the real linkedin.com URL, URL-encoded, to the provider with its headers', async () => {
    linkedin.reset();
    const res = await viaProvider.fetchPage('https://www.linkedin.com/company/audiense/');
    expect(res.ok && res.value).toMatchObject({
      via: 'provider',
      status: 200,
      url: 'https://www.linkedin.com/company/audiense/',
    });
    const sent = provider.requests[0]!;
    expect(sent.path).toBe('/v1/scrape');
    expect(sent.url).toContain('url=https%3A%2F%2Fwww.linkedin.com%2Fcompany%2Faudiense%2F');
    expect(sent.query.get('url')).toBe('https://www.linkedin.com/company/audiense/');
    expect(sent.query.get('api_key')).toBe('k-123');
    expect(sent.headers['x-provider-key']).toBe('secret-header-value');
    expect(sent.headers['x-country']).toBe('fr');
    expect(linkedin.count()).toBe(0);
  });

  it('reads a 999 passed through by the provider as blocked, with provider advice', async () => {
    const res = await viaProvider.fetchPage('https://www.linkedin.com/company/bot/');
    expect(!res.ok && res.error.code).toBe('blocked');
    expect(!res.ok && String(res.error.details?.what_to_do)).toContain('scraping provider');
  });

  it('says when the provider refuses its key, without echoing the key', async () => {
    const res = await viaProvider.fetchPage('https://www.linkedin.com/company/other/');
    expect(!res.ok && res.error.code).toBe('upstream_http');
    const message = !res.ok ? res.error.message : '';
    expect(message).toContain('refused the request (HTTP 401)');
    expect(message).not.toContain('k-123');
    expect(message).not.toContain('secret-header-value');
  });

  it('keeps keys out of errors and logs, even when the key is in the path and echoed back', async () => {
    const echo = await startReplayServer((req) => ({
      status: 500,
      body: {
        error: `bad request for ${req.url} with key path-key-77 and ${String(req.headers['x-secret'])}`,
      },
    }));
    const lines: string[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const leaky = createLinkedInFetcher(
      fetchConfigFromEnv({
        LINKEDIN_FETCH_URL_TEMPLATE: `${echo.url}/path-key-77/scrape?token=query-key-88&url={url}`,
        LINKEDIN_FETCH_HEADERS: '{"X-Secret":"header-key-99"}',
        LINKEDIN_RATE_PER_SECOND: 50,
      }),
      { createUpstream, log },
    );
    const res = await leaky.fetchPage('https://www.linkedin.com/company/audiense/');
    expect(!res.ok && res.error).toEqual({
      code: 'upstream_http',
      message: `The scraping provider (127.0.0.1:${echo.port}) answered HTTP 500 for https://www.linkedin.com/company/audiense/.`,
      details: { status: 500, provider: `127.0.0.1:${echo.port}` },
    });
    expect(lines.length).toBeGreaterThan(0);
    const everything = JSON.stringify(res) + lines.join('');
    for (const secret of ['path-key-77', 'query-key-88', 'header-key-99'])
      expect(everything).not.toContain(secret);
    await leaky.close();
    await echo.close();
  });

  it('never writes the provider template’s keys into a store key name, even with a cache', async () => {
    const store = recordingStore();
    const cached = createLinkedInFetcher(
      fetchConfigFromEnv({
        LINKEDIN_FETCH_URL_TEMPLATE: `${provider.url}/path-key-55/scrape?api_key=k-456&url={url}`,
        LINKEDIN_RATE_PER_SECOND: 50,
      }),
      { createUpstream: (options) => createUpstream({ ...options, store, cache: { ttlMs: 60_000 } }) },
    );
    const res = await cached.fetchPage('https://www.linkedin.com/company/audiense/');
    expect(res.ok).toBe(true);
    expect(store.keys.size).toBeGreaterThan(0);
    for (const key of store.keys) {
      expect(key).not.toContain('k-456');
      expect(key).not.toContain('path-key-55');
    }
    await cached.close();
  });

  it('builds provider URLs by encoding the LinkedIn URL', () => {
    expect(providerUrl('https://p.example/?u={url}', 'https://www.linkedin.com/in/é/?a=1&b=2')).toBe(
      'https://p.example/?u=https%3A%2F%2Fwww.linkedin.com%2Fin%2F%C3%A9%2F%3Fa%3D1%26b%3D2',
    );
  });
});

describe('redirects seen by the fetcher (a client that does not follow them)', () => {
  // A scripted client standing in for core's upstream without its redirect interceptor: it answers
  // each rebased path from a table and records what was asked.
  const scripted = (table: Record<string, { status: number; location?: string; body?: string }>) => {
    const asked: string[] = [];
    const factory: PageClientFactory = () => ({
      text: async ({ path }) => {
        asked.push(path);
        const key = new URL(path).pathname;
        const reply = table[key] ?? { status: 404 };
        if (reply.status === 404) return err('not_found', 'nothing here', { status: 404 });
        return ok({
          status: reply.status,
          headers: (reply.location ? { location: reply.location } : {}) as Record<string, string>,
          data: reply.body ?? '',
          cached: false,
          url: path,
        });
      },
    });
    const fetcher = createLinkedInFetcher(
      fetchConfigFromEnv({ LINKEDIN_BASE_URL: 'http://127.0.0.1:9', LINKEDIN_RATE_PER_SECOND: 50 }),
      { createUpstream: factory },
    );
    return { fetcher, asked };
  };

  it('follows LinkedIn’s own redirect (numeric id → slug), rebasing each hop', async () => {
    const { fetcher, asked } = scripted({
      '/company/10529043/': { status: 301, location: 'https://www.linkedin.com/company/audiense/' },
      '/company/audiense/': { status: 200, body: '<html>page</html>' },
    });
    const res = await fetcher.fetchPage('https://www.linkedin.com/company/10529043/');
    expect(res.ok && res.value).toMatchObject({
      url: 'https://www.linkedin.com/company/10529043/',
      html: '<html>page</html>',
    });
    expect(asked).toEqual(['http://127.0.0.1:9/company/10529043/', 'http://127.0.0.1:9/company/audiense/']);
  });

  it('stops at an absolute redirect to /authwall without fetching the wall', async () => {
    const { fetcher, asked } = scripted({
      '/in/jane-doe/': {
        status: 302,
        location: 'https://www.linkedin.com/authwall?trk=gf&sessionRedirect=x',
      },
    });
    const res = await fetcher.fetchPage('https://www.linkedin.com/in/jane-doe/');
    expect(!res.ok && res.error).toMatchObject({
      code: 'blocked',
      message:
        'LinkedIn did not serve the public page for https://www.linkedin.com/in/jane-doe/: it returned a redirect to /authwall.',
      details: { seen: 'authwall' },
    });
    expect(asked).toEqual(['http://127.0.0.1:9/in/jane-doe/']);
  });

  it('stops at a redirect to /uas/login after a first plain hop', async () => {
    const { fetcher } = scripted({
      '/company/acme/': { status: 301, location: '/company/acme-sa/' },
      '/company/acme-sa/': { status: 302, location: '/uas/login?session_redirect=x' },
    });
    const res = await fetcher.fetchPage('https://www.linkedin.com/company/acme/');
    expect(!res.ok && res.error.details).toMatchObject({
      seen: 'login_page',
      observed: 'a redirect to /uas/login',
    });
  });

  it('gives up on a redirect loop or an off-site redirect as blocked', async () => {
    const loop = scripted({
      '/company/a/': { status: 302, location: '/company/b/' },
      '/company/b/': { status: 302, location: '/company/a/' },
    });
    const looped = await loop.fetcher.fetchPage('https://www.linkedin.com/company/a/');
    expect(!looped.ok && looped.error.code).toBe('blocked');
    expect(loop.asked).toHaveLength(4);
    const away = scripted({ '/company/x/': { status: 302, location: 'https://elsewhere.example/x' } });
    const off = await away.fetcher.fetchPage('https://www.linkedin.com/company/x/');
    expect(!off.ok && off.error.details?.observed).toBe('HTTP 302 redirect to /x instead of the page');
  });
});

describe('LinkedIn fetcher: bounded wait queue', () => {
  it(`lets LINKEDIN_CONCURRENCY fetches run, ${MAX_WAITING} wait, and refuses the next at once`, async () => {
    const started: string[] = [];
    const pending: Array<() => void> = [];
    // A client whose answers only come when the test releases them.
    const factory: PageClientFactory = () => ({
      text: (call) =>
        new Promise((resolve) => {
          started.push(call.path);
          pending.push(() =>
            resolve(
              ok({ status: 200, headers: {}, data: '<html>page</html>', cached: false, url: call.path }),
            ),
          );
        }),
    });
    const fetcher = createLinkedInFetcher(
      fetchConfigFromEnv({ LINKEDIN_BASE_URL: 'http://127.0.0.1:9', LINKEDIN_CONCURRENCY: 2 }),
      { createUpstream: factory },
    );
    const calls = Array.from({ length: 2 + MAX_WAITING }, (_, i) =>
      fetcher.fetchPage(`https://www.linkedin.com/company/c${i}/`),
    );
    const refused = await fetcher.fetchPage('https://www.linkedin.com/company/one-too-many/');
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', details: { reason: 'fetch_queue', retry_after_s: 1 } },
    });
    expect(started).toHaveLength(2);
    // Drain: every queued call still gets its turn, two at a time.
    while (pending.length > 0) {
      for (const release of pending.splice(0)) release();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const answers = await Promise.all(calls);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(started).toHaveLength(2 + MAX_WAITING);
  });
});
