import { type ReplayServer, startReplayServer, toolErrorOf } from '@mcp/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixture, type Harness, harness, sc } from '../testing/fixtures.js';

/**
 * HAND-MADE, labelled: no recorded answer of `include_admin=etablissements` exists. This is La Poste's
 * recorded /search answer with the `etablissements` page the API adds to it: the recorded head office,
 * and two copies of it given other SIRETs, one of them closed (état F, closing date set).
 */
const laPoste = fixture('laPoste') as {
  results: Array<Record<string, unknown> & { siege: Record<string, unknown> }>;
};
const hq = laPoste.results[0]!.siege;
const withEstablishments = {
  ...laPoste,
  results: [
    {
      ...laPoste.results[0],
      etablissements: [
        hq,
        { ...hq, siret: '35600000049837', est_siege: false, adresse: '1 RUE DU HAND-MADE 35000 RENNES' },
        {
          ...hq,
          siret: '35600000012345',
          est_siege: false,
          etat_administratif: 'F',
          date_fermeture: '2020-01-31',
        },
      ],
    },
  ],
};

let upstream: ReplayServer;
let h: Harness;
beforeAll(async () => {
  upstream = await startReplayServer((req) => {
    if (req.path !== '/search') return undefined;
    if (req.query.get('q') !== '356000000') return { body: fixture('empty') };
    // Without the establishments include, the API answers as recorded (no `etablissements`).
    return { body: req.query.get('include_admin') === 'etablissements' ? withEstablishments : laPoste };
  });
  h = harness(upstream.url);
});
afterAll(async () => {
  await h.close();
  await upstream.close();
});
beforeEach(() => upstream.reset());

describe('list_establishments', () => {
  it('asks the register for one page of every establishment and maps each', async () => {
    const out = sc(await h.call('list_establishments', { siren: '356 000 000' }));
    expect(Object.fromEntries(upstream.requests[0]?.query ?? [])).toMatchObject({
      q: '356000000',
      include_admin: 'etablissements',
      page_etablissements: '1',
    });
    expect(out).toMatchObject({
      siren: '356000000',
      company_name: 'LA POSTE',
      page: 1,
      per_page: 100,
      total_establishments: 13117,
      open_establishments: 9085,
      total_pages: 132,
      complete: true,
      note: null,
    });
    const list = out.establishments as Array<Record<string, unknown>>;
    expect(list.map((e) => [e.siret, e.is_head_office, e.state])).toEqual([
      ['35600000000048', true, 'active'],
      ['35600000049837', false, 'active'],
      ['35600000012345', false, 'closed'],
    ]);
    expect(list[0]).toMatchObject({ naf_code: expect.any(String), created_on: expect.any(String) });
  });

  it('filters the page by state and says the filter is per page', async () => {
    const out = sc(await h.call('list_establishments', { siren: '356000000', state: 'closed', page: 2 }));
    expect(upstream.requests[0]?.query.get('page_etablissements')).toBe('2');
    expect((out.establishments as Array<{ siret: string }>).map((e) => e.siret)).toEqual(['35600000012345']);
    expect(out.note).toContain('1 of the 3 establishments of this page are closed');
  });

  it('says when the register did not list the establishments instead of inventing them', async () => {
    const plain = await startReplayServer([{ path: '/search', body: fixture('laPoste') }]);
    const other = harness(plain.url);
    try {
      const out = sc(await other.call('list_establishments', { siren: '356000000' }));
      expect(out.complete).toBe(false);
      expect((out.establishments as Array<{ siret: string }>).map((e) => e.siret)).toEqual([
        '35600000000048',
      ]);
      expect(out.note).toContain('did not list the establishments');
    } finally {
      await other.close();
      await plain.close();
    }
  });

  it('answers not_found for a SIREN the register does not know', async () => {
    const res = await h.call('list_establishments', { siren: '552081317' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'not_found', details: { siren: '552081317' } });
  });
});
