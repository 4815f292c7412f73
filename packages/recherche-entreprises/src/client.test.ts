import { type ReplayServer, readFixtureJson, startReplayServer } from '@mcp/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegisterClient } from './client.js';

const laPoste = () => readFixtureJson<Record<string, unknown>>('annuaire', 'search_356000000.json');

let upstream: ReplayServer | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

describe('register client', () => {
  it('queues and retries after a 429, honouring Retry-After', async () => {
    let calls = 0;
    upstream = await startReplayServer(() => {
      calls += 1;
      return calls === 1
        ? { status: 429, headers: { 'retry-after': '1' }, body: { message: 'too many requests' } }
        : { body: laPoste() };
    });
    const api = createRegisterClient({ baseUrl: upstream.url });
    const started = Date.now();
    const res = await api.search({ q: '356000000' });
    expect(res.ok).toBe(true);
    expect(upstream.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await api.close();
  });

  it('turns the API {"erreur": …} 400 into invalid_input carrying the API sentence', async () => {
    const erreur = 'Veuillez indiquer au moins un paramètre de recherche.';
    upstream = await startReplayServer(() => ({ status: 400, body: { erreur } }));
    const api = createRegisterClient({ baseUrl: upstream.url });
    const res = await api.search({ page: 1 });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('invalid_input');
    expect(res.error.message).toContain(erreur);
    expect(res.error.details).toMatchObject({ status: 400, upstream_message: erreur });
    await api.close();
  });

  it('reports an unavailable API as upstream_http in French and English', async () => {
    upstream = await startReplayServer(() => ({ status: 503, body: 'Service Unavailable' }));
    const api = createRegisterClient({ baseUrl: upstream.url });
    const res = await api.search({ q: '356000000', page: 1, per_page: 5 });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('upstream_http');
    expect(res.error.message).toContain("L'API Recherche d'entreprises est indisponible (HTTP 503)");
    expect(res.error.message).toContain('The French company register API is unavailable (HTTP 503)');
    expect(res.error.details).toMatchObject({ status: 503, upstream: 'recherche-entreprises' });
    expect(upstream.requests.length).toBe(4); // 1 + 3 retries on 503
    await api.close();
  });

  it('reports a slow API as upstream_timeout in French and English', async () => {
    upstream = await startReplayServer(() => ({ delayMs: 1500, body: laPoste() }));
    const api = createRegisterClient({ baseUrl: upstream.url, timeoutMs: 200 });
    const res = await api.search({ q: '356000000' });
    expect(res.ok ? null : res.error.code).toBe('upstream_timeout');
    if (res.ok) return;
    expect(res.error.message).toContain("n'a pas répondu à temps");
    expect(res.error.message).toContain('did not answer in time');
    await api.close();
  });

  it('refuses an answer that is not a /search envelope as upstream_bad_response', async () => {
    upstream = await startReplayServer(() => ({ body: { hello: 'world' } }));
    const api = createRegisterClient({ baseUrl: upstream.url });
    const res = await api.search({ q: 'x y z' });
    expect(res.ok ? null : res.error.code).toBe('upstream_bad_response');
    await api.close();
  });

  it('sends the typed query as the API reads it: lists comma-joined, `long` on /near_point', async () => {
    upstream = await startReplayServer(() => ({ body: laPoste() }));
    const api = createRegisterClient({ baseUrl: upstream.url });
    await api.search({ q: 'poste', code_postal: ['75008', '75009'], est_ess: false, sort_by_size: true });
    await api.nearPoint({ lat: 48.8, long: 2.3, radius: 5, activite_principale: ['62.02A'], page: 2 });
    const [search, near] = upstream.requests;
    expect(search?.path).toBe('/search');
    expect(Object.fromEntries(search?.query ?? [])).toEqual({
      q: 'poste',
      code_postal: '75008,75009',
      est_ess: 'false',
      sort_by_size: 'true',
    });
    expect(near?.path).toBe('/near_point');
    expect(Object.fromEntries(near?.query ?? [])).toEqual({
      lat: '48.8',
      long: '2.3',
      radius: '5',
      activite_principale: '62.02A',
      page: '2',
    });
    await api.close();
  });
});
