import { type ReplayServer, startReplayServer, toolErrorOf } from '@mcp/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, harness } from '../test-fixtures.js';
import { createAnnuaireClient } from './annuaire.js';

let upstream: ReplayServer | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

describe('annuaire upstream client', () => {
  it('queues and retries after a 429, honouring Retry-After', async () => {
    let calls = 0;
    upstream = await startReplayServer(() => {
      calls += 1;
      return calls === 1
        ? { status: 429, headers: { 'retry-after': '1' }, body: { message: 'too many requests' } }
        : { body: fixture('laPoste') };
    });
    const api = createAnnuaireClient({ baseUrl: upstream.url });
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
    const api = createAnnuaireClient({ baseUrl: upstream.url });
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
    const h = harness(upstream.url);
    const res = await h.call('get_company', { siren: '356000000' });
    const error = toolErrorOf(res);
    expect(error.code).toBe('upstream_http');
    expect(error.message).toContain("L'API Recherche d'entreprises est indisponible (HTTP 503)");
    expect(error.message).toContain('The French company register API is unavailable (HTTP 503)');
    expect(error.details).toMatchObject({ status: 503, upstream: 'recherche-entreprises' });
    expect(upstream.requests.length).toBe(4); // 1 + 3 retries on 503
    await h.close();
  });

  it('reports a slow API as upstream_timeout in French and English', async () => {
    upstream = await startReplayServer(() => ({ delayMs: 1500, body: fixture('laPoste') }));
    const h = harness(upstream.url, { timeoutMs: 200 });
    const error = toolErrorOf(await h.call('get_company', { siren: '356000000' }));
    expect(error.code).toBe('upstream_timeout');
    expect(error.message).toContain("n'a pas répondu à temps");
    expect(error.message).toContain('did not answer in time');
    await h.close();
  });

  it('refuses an answer that is not a /search envelope as upstream_bad_response', async () => {
    upstream = await startReplayServer(() => ({ body: { hello: 'world' } }));
    const api = createAnnuaireClient({ baseUrl: upstream.url });
    const res = await api.search({ q: 'x y z' });
    expect(res.ok ? null : res.error.code).toBe('upstream_bad_response');
    await api.close();
  });
});
