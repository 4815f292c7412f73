import { toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { sc, useReplayHarness } from '../testing/fixtures.js';

const env = useReplayHarness({ cacheTtlMs: 0 });

type Result = { siren: string; name: string; matching_establishments: { postal_code: string }[] };

describe('search_companies', () => {
  it('runs a filtered search: "ag" in postcode 35000', async () => {
    const out = sc(await env.h.call('search_companies', { query: 'ag', postal_code: '35000' }));
    const sent = env.upstream.requests[0]?.query;
    expect(sent?.get('q')).toBe('ag');
    expect(sent?.get('code_postal')).toBe('35000');
    expect(sent?.get('per_page')).toBe('10');
    expect(out).toMatchObject({ total_results: 37, total_pages: 4, capped: false, page: 1 });
    const results = out.results as Result[];
    expect(results[0]).toMatchObject({
      siren: '435246145',
      name: 'P&T TECHNOLOGY AG',
      legal_form_code: '3120',
      legal_form_label: 'Société commerciale étrangère immatriculée au RCS',
      naf_code: '71.12B',
    });
    expect(results.flatMap((r) => r.matching_establishments.map((e) => e.postal_code))).toSatisfy(
      (codes: string[]) => codes.length >= 10 && codes.every((c) => c === '35000'),
    );
  });

  it('says when a search is past the API cap of 10 000 results ("la poste")', async () => {
    const out = sc(await env.h.call('search_companies', { query: 'la poste' }));
    expect(out).toMatchObject({ total_results: 10000, capped: true, max_reachable_page: 1000 });
    expect(out.note).toMatch(/10000.*add filters/);
    expect((out.results as Result[])[0]).toMatchObject({ siren: '356000000', name: 'LA POSTE' });
  });

  it('refuses a page the API cannot serve (page × per_page > 10 000) without calling it', async () => {
    const res = await env.h.call('search_companies', { query: 'la poste', page: 401, per_page: 25 });
    expect(toolErrorOf(res)).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['page', 'per_page'] },
    });
    expect(JSON.stringify(toolErrorOf(res))).toContain('last reachable page is 400');
    const big = await env.h.call('search_companies', { query: 'la poste', per_page: 26 });
    expect(toolErrorOf(big)).toMatchObject({ code: 'invalid_input', details: { fields: ['per_page'] } });
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('sends every typed filter under the API parameter name', async () => {
    await env.h.call('search_companies', {
      query: 'Ganymede',
      department: ['75', '2a'],
      region: '11',
      commune_code: '75108',
      naf_code: '6202a',
      naf_section: 'J',
      legal_form: ['5710', '5499'],
      category: 'PME,ETI',
      headcount_band: ['NN', '01'],
      state: 'closed',
      est_ess: false,
      est_qualiopi: true,
      revenue_min: 100000,
      net_result_max: 0,
      officer_last_name: 'Jouppe',
      officer_birth_year_min: 1980,
      officer_birth_year_max: 1995,
      officer_type: 'dirigeant',
      idcc: '1486',
      matching_establishments_limit: 3,
      sort_by_size: true,
    });
    expect(Object.fromEntries(env.upstream.requests[0]?.query ?? [])).toEqual({
      q: 'Ganymede',
      departement: '75,2A',
      region: '11',
      code_commune: '75108',
      activite_principale: '62.02A',
      section_activite_principale: 'J',
      nature_juridique: '5710,5499',
      categorie_entreprise: 'PME,ETI',
      tranche_effectif_salarie: 'NN,01',
      etat_administratif: 'C',
      est_ess: 'false',
      est_qualiopi: 'true',
      ca_min: '100000',
      resultat_net_max: '0',
      nom_personne: 'Jouppe',
      date_naissance_personne_min: '1980-01-01',
      date_naissance_personne_max: '1995-12-31',
      type_personne: 'DIRIGEANT',
      id_convention_collective: '1486',
      limite_matching_etablissements: '3',
      sort_by_size: 'true',
      page: '1',
      per_page: '10',
    });
  });

  it('takes régions and départements by name, and refuses an unknown one naming the closest', async () => {
    await env.h.call('search_companies', {
      query: 'Ganymede',
      region: 'bretagne',
      department: ['Ille-et-Vilaine', '2a'],
    });
    expect(env.upstream.requests[0]?.query.get('region')).toBe('53');
    expect(env.upstream.requests[0]?.query.get('departement')).toBe('35,2A');
    const res = await env.h.call('search_companies', { query: 'Ganymede', department: 'Ile-et-Vilain' });
    expect(res.isError).toBe(true);
    expect(JSON.stringify(res.content)).toContain('department');
    expect(JSON.stringify(res.content)).toContain('Ille-et-Vilaine (35)');
    expect(env.upstream.requests).toHaveLength(1);
  });

  it('reads amounts and postcodes written with spaces or thousands dots', async () => {
    await env.h.call('search_companies', {
      query: 'Ganymede',
      postal_code: '35 000, 75008',
      revenue_min: '1 000 000',
      revenue_max: '2.500.000',
      net_result_min: -50000,
    });
    const sent = env.upstream.requests[0]?.query;
    expect(sent?.get('code_postal')).toBe('35000,75008');
    expect(sent?.get('ca_min')).toBe('1000000');
    expect(sent?.get('ca_max')).toBe('2500000');
    expect(sent?.get('resultat_net_min')).toBe('-50000');
    const decimal = await env.h.call('search_companies', { query: 'Ganymede', revenue_min: '1.5' });
    expect(toolErrorOf(decimal)).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['revenue_min'] },
    });
  });

  it('refuses unknown codes naming the field, before any request', async () => {
    const naf = await env.h.call('search_companies', { query: 'x y z', naf_code: '99.99Q' });
    expect(toolErrorOf(naf)).toMatchObject({ code: 'invalid_input', details: { fields: ['naf_code'] } });
    const form = await env.h.call('search_companies', { legal_form: '5711' });
    expect(JSON.stringify(toolErrorOf(form))).toContain('unknown catégorie juridique');
    const range = await env.h.call('search_companies', { query: 'abc', revenue_min: 10, revenue_max: 1 });
    expect(toolErrorOf(range)).toMatchObject({ details: { fields: ['revenue_min', 'revenue_max'] } });
    const empty = await env.h.call('search_companies', {});
    expect(toolErrorOf(empty)).toMatchObject({ code: 'invalid_input', details: { fields: ['query'] } });
    const short = await env.h.call('search_companies', { query: 'ag' });
    expect(JSON.stringify(toolErrorOf(short))).toContain('at least 3 characters');
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('sends an identifier query (SIREN, SIRET or VAT number) as bare digits and notes that filters are ignored', async () => {
    const out = sc(await env.h.call('search_companies', { query: '880 878 145', postal_code: '75008' }));
    expect(env.upstream.requests[0]?.query.get('q')).toBe('880878145');
    expect(out.note).toContain('ignores filters');
    expect((out.results as Result[])[0]).toMatchObject({ siren: '880878145', name: 'GANYMEDE' });
    env.upstream.reset();
    await env.h.call('search_companies', { query: 'fr 39 356 000 000' });
    expect(env.upstream.requests[0]?.query.get('q')).toBe('356000000');
  });

  it('maps a name search with its matching establishments ("Ganymede": 116 results)', async () => {
    const out = sc(await env.h.call('search_companies', { query: 'Ganymede' }));
    expect(out).toMatchObject({ total_results: 116, total_pages: 12, capped: false });
    const results = out.results as Result[];
    expect(results).toHaveLength(10);
    expect(results[2]).toMatchObject({ siren: '510973431', legal_form_label: 'Société civile immobilière' });
    expect(results[2]?.matching_establishments).toHaveLength(2);
  });
});
