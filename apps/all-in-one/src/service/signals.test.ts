import { describe, expect, it } from 'vitest';
import { crossCheck, type Facts } from './signals.js';

const base: Facts = {
  siren: '880878145',
  company: { names: ['GANYMEDE', 'Ganymède SAS'], state: 'active', created_on: '2020-01-15' },
  website: {
    domain: 'ganymede.fr',
    answered: true,
    publisher_siren: '880878145',
    publisher_name: null,
    identified_by_it: false,
  },
  domain: { domain: 'ganymede.fr', created_on: '2019-11-02T10:00:00Z', registrant_organisation: 'Ganymede' },
  linkedin: { website: 'https://www.ganymede.fr/' },
};

const kinds = (facts: Facts) => Object.fromEntries(crossCheck(facts).map((s) => [s.kind, s.ok]));

describe('crossCheck', () => {
  it('agrees on every side for a consistent company', () => {
    expect(kinds(base)).toEqual({
      website_publisher_matches: true,
      domain_registrant_matches: true,
      domain_created_after_company: true,
      linkedin_website_matches: true,
    });
  });

  it('flags a site published by another company, naming it', () => {
    const [signal] = crossCheck({
      ...base,
      website: { ...base.website!, publisher_siren: '552081317', publisher_name: 'AGENCE WEB' },
    });
    expect(signal).toMatchObject({ kind: 'website_publisher_matches', ok: false });
    expect(signal?.detail).toContain('552081317 (AGENCE WEB)');
  });

  it('flags a domain held years before the company existed, and an unrelated registrant', () => {
    const out = kinds({
      ...base,
      domain: {
        domain: 'ganymede.fr',
        created_on: '2004-06-01',
        registrant_organisation: 'Domain Holdings Ltd',
      },
    });
    expect(out.domain_created_after_company).toBe(false);
    expect(out.domain_registrant_matches).toBe(false);
  });

  it('flags a closed company whose site still answers, and a LinkedIn page pointing elsewhere', () => {
    const out = kinds({
      ...base,
      company: { ...base.company!, state: 'closed' },
      linkedin: { website: 'other-brand.com' },
    });
    expect(out.closed_company_site_answers).toBe(false);
    expect(out.linkedin_website_matches).toBe(false);
  });

  it('leaves out a check whose other side is missing instead of guessing', () => {
    expect(
      crossCheck({
        ...base,
        domain: null,
        linkedin: null,
        website: null,
        company: { ...base.company!, names: [] },
      }),
    ).toEqual([]);
  });
});
