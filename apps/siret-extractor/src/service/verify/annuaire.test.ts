import { type ReplayServer, readFixtureJson, startReplayServer } from '@mcp/core/testing';
import { createRegisterClient, type RegisterClient } from '@mcp/recherche-entreprises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySiren } from './annuaire.js';

/** The body the loopback register answers with; each case sets it and uses a fresh (cacheless) client. */
let served: unknown = null;
let register: ReplayServer;
beforeAll(async () => {
  register = await startReplayServer(() => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(served),
  }));
});
afterAll(async () => {
  await register.close();
});

/** The register client the server builds, answering `data` from loopback. */
const answering = (data: unknown): RegisterClient => {
  served = data;
  return createRegisterClient({ baseUrl: register.url, cacheTtlMs: 0, perSecond: 1000 });
};
const signal = new AbortController().signal;

describe('verifySiren reads the register answer through the register client’s schema', () => {
  it('reads the recorded La Poste answer', async () => {
    const api = answering(readFixtureJson('annuaire', 'search_356000000.json'));
    const v = await verifySiren(api, '356000000', 'La Poste', signal);
    await api.close();
    expect(v).toEqual({
      siren: '356000000',
      found: true,
      name: 'LA POSTE',
      active: true,
      name_similarity: 1,
      error: null,
    });
  });

  it('matches a SIREN sent as a number and reads enseignes of mixed scalars (labelled hand-made variant)', async () => {
    const body = readFixtureJson<{ results: Record<string, unknown>[] }>('annuaire', 'search_356000000.json');
    const first = body.results[0] as Record<string, unknown>;
    // HAND-MADE variant of the recorded answer: siren as a number, enseignes mixing numbers and null.
    const variant = {
      ...body,
      results: [{ ...first, siren: 356000000, siege: { liste_enseignes: [42, null, 'LA BANQUE POSTALE'] } }],
    };
    const api = answering(variant);
    const v = await verifySiren(api, '356000000', 'La Banque Postale', signal);
    await api.close();
    expect(v).toMatchObject({ found: true, name: 'LA POSTE', name_similarity: 1, error: null });
  });

  it('reports an answer without its results list as an error, not as "not in the register"', async () => {
    for (const data of [null, 'text', { results: 'none' }, { total_results: 3 }]) {
      const api = answering(data);
      const v = await verifySiren(api, '356000000', null, signal);
      await api.close();
      expect(v.found).toBe(false);
      expect(v.error).toMatch(/L'API Recherche d'entreprises a renvoyé une réponse illisible/);
      expect(v.error).toMatch(/The company register API sent an unreadable answer/);
    }
  });
});
