import { describe, expect, it } from 'vitest';
import { peopleFromHits, peopleQuery } from './people.js';
import { rankCompanies } from './rank-companies.js';
import { linkedinLinksOf } from './website-links.js';

const SITE = `<html><head><script type="application/ld+json">{"@type":"Organization","name":"Acme",
  "sameAs":["https://twitter.com/acme","https://fr.linkedin.com/company/acme-industries/"]}</script></head>
  <body><header><a href="https://www.linkedin.com/company/acme-industries?trk=nav">in</a></header>
  <p>Notre CEO : <a href="https://fr.linkedin.com/in/jane-doe">Jane</a></p>
  <footer><a href="https://www.linkedin.com/company/acme-industries/">LinkedIn</a>
  <a href="https://linkedin.com/company/acme-careers">Careers</a></footer></body></html>`;

describe('linkedinLinksOf', () => {
  it('collects company links from anchors and JSON-LD sameAs, leaving profiles out', () => {
    expect(linkedinLinksOf(SITE)).toEqual([
      {
        linkedin_url: 'https://www.linkedin.com/company/acme-industries/',
        slug: 'acme-industries',
        places: ['header', 'footer', 'json_ld'],
        count: 3,
      },
      {
        linkedin_url: 'https://www.linkedin.com/company/acme-careers/',
        slug: 'acme-careers',
        places: ['footer'],
        count: 1,
      },
    ]);
  });
});

describe('rankCompanies', () => {
  const hits = [
    {
      position: 1,
      title: 'Acme Consulting | LinkedIn',
      url: 'https://fr.linkedin.com/company/acme-consulting',
      snippet: 'Conseil.',
    },
    {
      position: 2,
      title: 'Acme Industries | LinkedIn',
      url: 'https://fr.linkedin.com/company/acme-industries',
      snippet: 'Acme Industries | 1 200 abonnés sur LinkedIn. Site : acme.fr',
    },
    {
      position: 3,
      title: 'Jane Doe - CEO - Acme | LinkedIn',
      url: 'https://fr.linkedin.com/in/jane-doe',
      snippet: '',
    },
  ];

  it('puts the page the website links to first, with its reasons', () => {
    const ranked = rankCompanies(
      { name: 'Acme Industries SAS', website: 'https://www.acme.fr' },
      linkedinLinksOf(SITE),
      hits,
    );
    expect(ranked.map((c) => [c.slug, c.score, c.found_on])).toEqual([
      ['acme-industries', 1, ['website', 'search']],
      ['acme-careers', 0.5, ['website']],
      ['acme-consulting', 0.33, ['search']],
    ]);
    expect(ranked[0]?.why).toEqual([
      'acme.fr links to it (3× — header, footer, json_ld)',
      'web search result #2',
      'page name "Acme Industries" matches "Acme Industries SAS"',
      'slug "acme-industries" matches the name',
      'the result mentions acme.fr',
    ]);
    expect(ranked[0]?.name).toBe('Acme Industries');
  });

  it('ranks search-only candidates by name match, and counts a SIREN in the snippet', () => {
    const ranked = rankCompanies(
      { name: 'Acme Industries', siren: '123456789' },
      [],
      [
        ...hits,
        {
          position: 4,
          title: 'Acme Industries France | LinkedIn',
          url: 'https://www.linkedin.com/company/acme-fr',
          snippet: 'SIREN 123 456 789',
        },
      ],
    );
    expect(ranked.map((c) => c.slug)).toEqual(['acme-industries', 'acme-fr', 'acme-consulting']);
    expect(ranked[1]?.why).toContain('the result mentions SIREN 123456789');
    expect(ranked.every((c) => c.linkedin_url.startsWith('https://www.linkedin.com/company/'))).toBe(true);
  });
});

describe('peopleFromHits', () => {
  const hits = [
    {
      position: 1,
      title: 'Jane Doe - CEO - Acme | LinkedIn',
      url: 'https://fr.linkedin.com/in/jane-doe?trk=x',
      snippet: 'CEO chez Acme. Paris.',
    },
    {
      position: 2,
      title: 'Acme on LinkedIn: nous recrutons',
      url: 'https://www.linkedin.com/posts/acme_activity-1',
      snippet: '',
    },
    {
      position: 3,
      title: 'Jane Doe - CEO - Acme | LinkedIn',
      url: 'https://www.linkedin.com/in/jane-doe/',
      snippet: '',
    },
    {
      position: 4,
      title: 'Paul Martin – Directeur commercial – Globex | LinkedIn',
      url: 'https://fr.linkedin.com/in/paul-martin-42',
      snippet: 'Ancien de Acme.',
    },
    { position: 5, title: 'Acme | LinkedIn', url: 'https://www.linkedin.com/company/acme', snippet: '' },
  ];

  it('keeps one entry per profile, with name, headline and company from the title', () => {
    expect(peopleFromHits(hits, 'Acme', 'CEO')).toEqual([
      {
        name: 'Jane Doe',
        headline: 'CEO',
        company: 'Acme',
        profile_url: 'https://www.linkedin.com/in/jane-doe/',
        public_id: 'jane-doe',
        snippet: 'CEO chez Acme. Paris.',
        search_position: 1,
        mentions_company: true,
        matches_role: true,
      },
      {
        name: 'Paul Martin',
        headline: 'Directeur commercial',
        company: 'Globex',
        profile_url: 'https://www.linkedin.com/in/paul-martin-42/',
        public_id: 'paul-martin-42',
        snippet: 'Ancien de Acme.',
        search_position: 4,
        mentions_company: true,
        matches_role: false,
      },
    ]);
  });

  it('leaves matches_role null without a role, and builds a quoted query', () => {
    expect(peopleFromHits(hits, 'Acme')[0]?.matches_role).toBeNull();
    expect(peopleQuery('Acme "SA"', 'directeur  commercial')).toBe('"Acme SA" directeur commercial');
    expect(peopleQuery('Acme')).toBe('"Acme"');
  });
});
