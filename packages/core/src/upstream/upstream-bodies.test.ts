import { describe, expect, it } from 'vitest';
import { readFixture, readFixtureText } from '../testing/fixtures.js';
import { upstreamHarness } from '../testing/upstream-harness.js';

const { serve, client } = upstreamHarness({ name: 'ddg', cache: { ttlMs: 60_000 } });

const html = { 'content-type': 'text/html; charset=utf-8' };

describe('createUpstream: request bodies', () => {
  it('sends a string body as is, with the caller’s content type', async () => {
    const server = await serve([{ method: 'POST', path: '/html/', headers: html, body: '<p>ok</p>' }]);
    const api = client(server);
    const res = await api.text({
      path: '/html/',
      method: 'POST',
      body: 'q=soci%C3%A9t%C3%A9+g%C3%A9n%C3%A9rale&kl=fr-fr',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.ok && res.value.data).toBe('<p>ok</p>');
    const sent = server.requests[0];
    expect(sent?.body).toBe('q=soci%C3%A9t%C3%A9+g%C3%A9n%C3%A9rale&kl=fr-fr');
    expect(sent?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('sends URLSearchParams as a form, a bare string as text, an object as JSON', async () => {
    const server = await serve([{ method: 'POST', path: '/echo', body: {} }]);
    const api = client(server);
    await api.json({
      path: '/echo',
      method: 'POST',
      body: new URLSearchParams({ q: 'la poste', kl: 'fr-fr' }),
    });
    await api.json({ path: '/echo', method: 'POST', body: 'plain words' });
    await api.json({ path: '/echo', method: 'POST', body: { q: 'la poste' } });
    expect(server.requests.map((r) => [r.headers['content-type'], r.body])).toEqual([
      ['application/x-www-form-urlencoded', 'q=la+poste&kl=fr-fr'],
      ['text/plain; charset=utf-8', 'plain words'],
      ['application/json', '{"q":"la poste"}'],
    ]);
  });

  it('keys the cache on a form body: another query goes upstream', async () => {
    const server = await serve([{ method: 'POST', path: '/html/', headers: html, body: '<p>ok</p>' }]);
    const api = client(server);
    const form = (q: string) => ({
      path: '/html/',
      method: 'POST' as const,
      body: new URLSearchParams({ q }),
      cache: true,
    });
    await api.text(form('edf'));
    const hit = await api.text(form('edf'));
    await api.text(form('engie'));
    expect(hit.ok && hit.value.cached).toBe(true);
    expect(server.count()).toBe(2);
  });
});

describe('createUpstream: POSTs marked cache: true are idempotent', () => {
  it('shares one request among identical concurrent form posts, even with the cache off', async () => {
    const server = await serve([
      { method: 'POST', path: '/html/', delayMs: 50, headers: html, body: '<p>ok</p>' },
    ]);
    const api = client(server, { cache: { ttlMs: 0 } });
    const call = {
      path: '/html/',
      method: 'POST' as const,
      body: new URLSearchParams({ q: 'edf' }),
      cache: true,
    };
    const answers = await Promise.all([api.text(call), api.text(call), api.text(call)]);
    expect(answers.every((a) => a.ok && a.value.data === '<p>ok</p>')).toBe(true);
    expect(server.count()).toBe(1);
    await api.text(call);
    expect(server.count()).toBe(2); // nothing kept: the cache is off
  });
});

describe('createUpstream: what the cache keeps', () => {
  const challenge = readFixture('serp', 'ddg_challenge_lite_anomaly.html');
  const results = readFixture('serp', 'ddg_html_weather_jakarta.html');

  it('never stores a 202 (a challenge, not an answer)', async () => {
    const server = await serve([{ path: '/html/', status: 202, headers: html, body: challenge }]);
    const api = client(server);
    const first = await api.text({ path: '/html/', query: { q: 'x' } });
    const second = await api.text({ path: '/html/', query: { q: 'x' } });
    expect(first.ok && first.value.status).toBe(202);
    expect(second.ok && second.value.cached).toBe(false);
    expect(server.count()).toBe(2);
  });

  it('keeps a 200 error page out when the client’s shouldCache says so', async () => {
    let calls = 0;
    const server = await serve([
      {
        path: '/html/',
        handle: (_req, res) => {
          calls += 1;
          res.writeHead(200, html);
          res.end(calls === 1 ? challenge : results);
        },
      },
    ]);
    const api = client(server, {
      cache: { ttlMs: 60_000, shouldCache: (a) => !a.text.includes('anomaly-modal') },
    });
    const call = { path: '/html/', query: { q: 'weather Jakarta' } };
    expect((await api.text(call)).ok).toBe(true); // the challenge page, not stored
    const real = await api.text(call);
    const hit = await api.text(call);
    expect(real.ok && real.value.cached).toBe(false);
    expect(hit.ok && hit.value.cached).toBe(true);
    expect(hit.ok && hit.value.data).toContain('Jakarta');
    expect(server.count()).toBe(2);
  });

  it('applies a per-call shouldCache on top of the client’s', async () => {
    const server = await serve([{ path: '/api', body: { error: 'quota' } }]);
    const api = client(server);
    const call = {
      path: '/api',
      shouldCache: (a: { text: string }) => !a.text.includes('"error"'),
    };
    await api.json(call);
    await api.json(call);
    expect(server.count()).toBe(2);
  });
});

describe('createUpstream: rate_limited keeps what the API said', () => {
  it('returns the first 500 characters of a 429 body in details.body', async () => {
    const body = readFixtureText('serp', 'serpapi_error.json');
    const server = await serve([
      { path: '/search.json', status: 429, headers: { 'content-type': 'application/json' }, body },
    ]);
    const api = client(server, { retries: 0 });
    const res = await api.json({ path: '/search.json' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('rate_limited');
    expect(res.error.details).toMatchObject({ status: 429, retry_after_s: expect.any(Number) });
    expect(String(res.error.details?.body)).toContain('Your account credit is too low');
  });
});
