import { toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { sc, useReplayHarness } from '../testing/fixtures.js';

const env = useReplayHarness();

describe('get_officers', () => {
  it('lists the officers of La Poste, people and companies, with roles', async () => {
    const out = sc(await env.h.call('get_officers', { siren: '356000000' }));
    expect(out.mode).toBe('company');
    expect(out.company).toMatchObject({ siren: '356000000', name: 'LA POSTE', state: 'active' });
    const officers = out.officers as { kind: string; name: string; role: string | null }[];
    expect(officers).toHaveLength(23);
    expect(officers.filter((o) => o.kind === 'company').map((o) => o.name)).toEqual([
      'SALUSTRO REYDEL',
      'KPMG S.A.',
      'MAZARS',
      "L'ETAT",
    ]);
    expect(officers).toContainEqual(
      expect.objectContaining({
        name: 'Marianne BERTHOME (KERMOAL)',
        role: 'Administrateur',
        birth_date: '1978-05',
      }),
    );
  });

  it('finds the companies of a person with the roles held there', async () => {
    const out = sc(await env.h.call('get_officers', { last_name: 'Jouppe', first_names: 'Xavier' }));
    const sent = env.upstream.requests[0]?.query;
    expect(sent?.get('nom_personne')).toBe('Jouppe');
    expect(sent?.get('prenoms_personne')).toBe('Xavier');
    expect(sent?.get('type_personne')).toBe('DIRIGEANT');
    expect(sent?.has('q')).toBe(false);
    expect(out.mode).toBe('person');
    expect(out.companies).toEqual([
      expect.objectContaining({
        siren: '104049424',
        name: 'ARCTURUS',
        legal_form_label: 'Société à responsabilité limitée (sans autre indication)',
        roles: [expect.objectContaining({ name: 'Xavier JOUPPE', role: 'Gérant' })],
      }),
      expect.objectContaining({
        siren: '880878145',
        state: 'closed',
        roles: [expect.objectContaining({ name: 'Xavier Marie Erwan JOUPPE', role: 'Liquidateur' })],
      }),
    ]);
    expect(out.paging).toMatchObject({ total_results: 2, capped: false });
  });

  it('asks for a company or a person', async () => {
    const res = await env.h.call('get_officers', {});
    expect(toolErrorOf(res)).toMatchObject({ code: 'invalid_input' });
    const both = await env.h.call('get_officers', { siren: '356000000', last_name: 'Jouppe' });
    expect(toolErrorOf(both)).toMatchObject({ code: 'invalid_input' });
    expect(env.upstream.requests).toHaveLength(0);
  });
});
