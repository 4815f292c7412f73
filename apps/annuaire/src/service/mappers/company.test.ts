import { type RawCompany, rawCompanySchema } from '@mcp/recherche-entreprises';
import { describe, expect, it } from 'vitest';
import { parsedFixture } from '../../testing/fixtures.js';
import { isNonDiffusible, mapCompany, mapCompanySummary } from './company.js';

const first = (name: Parameters<typeof parsedFixture>[0]): RawCompany => {
  const r = parsedFixture(name).results[0];
  if (!r) throw new Error(`${name} has no result`);
  return r;
};

describe('mapCompanySummary', () => {
  it('maps La Poste with labels from the shipped tables', () => {
    expect(mapCompanySummary(first('laPoste'))).toEqual({
      siren: '356000000',
      name: 'LA POSTE',
      sigle: null,
      state: 'active',
      non_diffusible: false,
      head_office_siret: '35600000000048',
      head_office_address: 'DIRECTION GENERALE DE LA POSTE 9 RUE DU COLONEL PIERRE AVIA 75015 PARIS',
      naf_code: '53.10Z',
      naf_label: 'Activités de poste dans le cadre d’une obligation de service universel',
      legal_form_code: '5510',
      legal_form_label: "SA nationale à conseil d'administration",
      category: 'GE',
      headcount_band: '53',
      headcount_label: '10 000 salariés et plus',
      created_on: '1991-01-01',
      closed_on: null,
      open_establishments: 9085,
      matching_establishments: [],
    });
  });

  it('maps a closed company (GANYMEDE, état C, closed 2022-10-22)', () => {
    const s = mapCompanySummary(first('ganymedeClosed'));
    expect(s).toMatchObject({
      siren: '880878145',
      name: 'GANYMEDE',
      state: 'closed',
      closed_on: '2022-10-22',
      legal_form_label: 'SAS, société par actions simplifiée',
      naf_label: 'Conseil en systèmes et logiciels informatiques',
      headcount_band: 'NN',
      open_establishments: 0,
      category: null,
    });
  });

  it('keeps the establishments a filtered search matched (postcode 35000)', () => {
    const results = parsedFixture('agRennes').results.map(mapCompanySummary);
    expect(results).toHaveLength(10);
    for (const r of results) {
      expect(r.matching_establishments.length).toBeGreaterThan(0);
      for (const e of r.matching_establishments) expect(e.postal_code).toBe('35000');
    }
    const aubade = results.find((r) => r.siren === '775695901');
    expect(aubade).toMatchObject({
      name: 'AUBADE PARIS',
      category: 'ETI',
      headcount_label: '250 à 499 salariés',
    });
  });

  it('maps the API ghost record 123456789 to nulls, not to invented values', () => {
    const s = mapCompanySummary(first('ghost'));
    expect(s).toMatchObject({
      siren: '123456789',
      name: null,
      state: null,
      head_office_siret: null,
      naf_label: null,
    });
  });
});

describe('mapCompany', () => {
  it('gives La Poste its VAT number, officers, finances, labels and links', () => {
    const c = mapCompany(first('laPoste'));
    expect(c.vat_number_computed).toBe('FR39356000000');
    // The 2024 recording predates the API's `tva` member.
    expect(c.vat_numbers_registered).toEqual([]);
    expect(c.head_office).toMatchObject({
      siret: '35600000000048',
      is_head_office: true,
      state: 'active',
      postal_code: '75015',
      city: 'PARIS',
      latitude: 48.831515159,
      longitude: 2.2780898787,
      trade_names: ['LA POSTE'],
    });
    expect(c.activity).toEqual({
      naf_code: '53.10Z',
      naf_label: 'Activités de poste dans le cadre d’une obligation de service universel',
      naf25_code: '53.10Y',
      naf25_label: expect.any(String),
      section: 'H',
      section_label: 'Transports et entreposage',
    });
    expect(c.category).toEqual({ code: 'GE', label: 'Grande Entreprise', year: '2023' });
    expect(c.headcount).toEqual({
      band: '53',
      label: '10 000 salariés et plus',
      year: '2023',
      employer: true,
    });
    expect(c.officers).toHaveLength(23);
    expect(c.officers[0]).toEqual({
      kind: 'person',
      name: 'Irene BAUDRY',
      role: 'Autre',
      last_name: 'BAUDRY',
      first_names: 'IRENE',
      birth_date: '1976-05',
      nationality: null,
      siren: null,
    });
    expect(c.officers.find((o) => o.siren === '775726417')).toMatchObject({
      kind: 'company',
      name: 'KPMG S.A.',
      role: 'Commissaire aux comptes titulaire',
    });
    expect(c.finances.latest).toEqual({ year: 2024, revenue: 34569000000, net_result: 1722000000 });
    expect(c.collective_agreements).toEqual(['9999', '5516']);
    expect(c.labels.map((l) => l.code)).toEqual([
      'est_finess',
      'est_qualiopi',
      'egapro_renseignee',
      'est_alim_confiance',
      'bilan_ges_renseigne',
      'convention_collective_renseignee',
    ]);
    expect(c.registration).toMatchObject({
      registered_on: '1992-03-19',
      share_capital: 6182950580,
      capital_currency: 'EUR',
      fiscal_year_end: '31/12',
    });
    expect(c.identifiers.training_body).toEqual(['11755565775', '11755762075']);
    expect(c.links).toEqual({
      annuaire_entreprises: 'https://annuaire-entreprises.data.gouv.fr/entreprise/la-poste-356000000',
      pappers: 'https://www.pappers.fr/entreprise/la-poste-356000000',
      societe_com: 'https://www.societe.com/societe/la-poste-356000000.html',
      inpi: 'https://data.inpi.fr/entreprises/356000000',
      establishment: null,
    });
    expect(c.establishment).toBeNull();
  });

  it('picks the establishment a SIRET query matched', () => {
    const c = mapCompany(first('ganymedeSiret'), '88087814500015');
    expect(c.establishment).toMatchObject({
      siret: '88087814500015',
      state: 'closed',
      address: '128 RUE LA BOETIE 75008 PARIS 8',
      closed_on: '2022-10-22',
      department: '75',
    });
    expect(c.links.establishment).toBe(
      'https://annuaire-entreprises.data.gouv.fr/etablissement/88087814500015',
    );
    expect(c.registration.struck_off_on).toBe('2022-11-14');
    expect(c.officers).toEqual([
      expect.objectContaining({ name: 'Xavier Marie Erwan JOUPPE', role: 'Liquidateur' }),
    ]);
    expect(c.finances).toEqual({ latest: null, by_year: [] });
  });

  it('shows withheld fields as [NON-DIFFUSIBLE] and flags the unit', () => {
    // The recorded set has no partially diffusible unit: this masks the closed-company fixture the
    // way the API does for a personne physique (search-api app/service/formatters/non_diffusible.py).
    const raw = first('ganymedeClosed');
    const M = '[NON-DIFFUSIBLE]';
    const withheld: RawCompany = rawCompanySchema.parse({
      ...raw,
      nom_complet: M,
      nom_raison_sociale: M,
      sigle: M,
      statut_diffusion: 'P',
      siege: {
        ...raw.siege,
        statut_diffusion_etablissement: 'P',
        adresse: M,
        code_postal: M,
        coordonnees: M,
        latitude: M,
        longitude: M,
      },
      dirigeants: [
        {
          type_dirigeant: 'personne physique',
          nom: M,
          prenoms: M,
          date_de_naissance: M,
          qualite: 'Liquidateur',
        },
      ],
      admin: null,
    });
    expect(isNonDiffusible(withheld)).toBe(true);
    const c = mapCompany(withheld);
    expect(c).toMatchObject({ name: M, legal_name: M, sigle: M, non_diffusible: true });
    expect(c.head_office).toMatchObject({
      siret: '88087814500015',
      non_diffusible: true,
      address: M,
      postal_code: M,
      latitude: null,
      longitude: null,
    });
    expect(c.officers[0]).toMatchObject({ name: `${M} ${M}`, birth_date: M, role: 'Liquidateur' });
    expect(c.links.pappers).toBe('https://www.pappers.fr/entreprise/880878145');
    expect(mapCompanySummary(withheld)).toMatchObject({
      name: M,
      head_office_address: M,
      non_diffusible: true,
    });
  });
});

describe('mapCompany on labelled hand-made variants of recorded answers', () => {
  // HAND-MADE: La Poste's recorded answer plus the `tva` member the API now sends (search-api
  // app/service/format_search_results.py, "TVA": liste_tva), one number written with spaces.
  it('returns the VAT numbers the register lists, normalised and deduplicated', () => {
    const raw = rawCompanySchema.parse({ ...first('laPoste'), tva: ['FR39356000000', 'fr 39 356 000 000'] });
    expect(mapCompany(raw).vat_numbers_registered).toEqual(['FR39356000000']);
  });

  // HAND-MADE: the company-level caractere_employeur, which the recordings leave null.
  it('reads the company-level employer flag before the head office one', () => {
    const laPoste = first('laPoste');
    expect(
      mapCompany(rawCompanySchema.parse({ ...laPoste, caractere_employeur: 'N' })).headcount.employer,
    ).toBe(false);
    // DINUM: company flag null, head office 'N' — other establishments may employ: unknown.
    expect(mapCompany(first('dinum')).headcount.employer).toBeNull();
    // La Poste: company flag null, head office 'O' — the company employs.
    expect(mapCompany(laPoste).headcount.employer).toBe(true);
  });

  // HAND-MADE: the real-world failure that opened issue 20 — `liste_id_bio` holding numbers.
  it('reads identifier lists holding numbers instead of strings', () => {
    const laPoste = first('laPoste');
    const raw = rawCompanySchema.parse({
      ...laPoste,
      siege: { ...laPoste.siege, liste_id_bio: [12345, 'FR-BIO-01'], liste_uai: 42 },
    });
    expect(mapCompany(raw).identifiers).toMatchObject({ bio: ['12345', 'FR-BIO-01'], uai: ['42'] });
  });
});
