import { readFixtureText } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { HAND_MADE_PUBLIC_PROFILE } from '../../testing/hand-made-pages.js';
import { extractProfile } from './profile.js';

describe('extractProfile on the hand-made public profile page', () => {
  const { data } = extractProfile(HAND_MADE_PUBLIC_PROFILE);

  it('reads identity, headline, location and counts', () => {
    expect(data).not.toBeNull();
    expect(data?.name).toBe('Camille Exemple');
    expect(data?.linkedin_url).toBe('https://www.linkedin.com/in/camille-exemple-0000/');
    expect(data?.public_id).toBe('camille-exemple-0000');
    expect(data?.headline).toBe('Directrice commerciale chez Exemple Industries | Vente B2B');
    expect(data?.location).toBe('Lyon, Auvergne-Rhône-Alpes, France');
    expect(data?.followers).toBe(1234);
    expect(data?.connections).toBe('500+');
    expect(data?.about).toBe("Vente B2B dans l'industrie.\n\nJ'aide les PME à grandir.");
    expect(data?.image_url).toMatch(/^https:\/\/media\.licdn\.com\/dms\/image\/v2\/EXAMPLE\//);
    expect(data?.sources).toEqual(['json_ld', 'markup']);
  });

  it('reads the current company and title', () => {
    expect(data?.current_company).toBe('Exemple Industries');
    expect(data?.current_title).toBe('Directrice commerciale');
  });

  it('reads experience entries, grouped positions included', () => {
    expect(data?.experience).toEqual([
      {
        title: 'Directrice commerciale',
        company: 'Exemple Industries',
        company_linkedin_url: 'https://www.linkedin.com/company/exemple-industries/',
        location: 'Lyon, Auvergne-Rhône-Alpes, France',
        start: 'mars 2021',
        end: null,
        current: true,
        duration: '3 ans 9 mois',
        description: 'Équipe de 12 personnes.',
      },
      {
        title: 'Responsable grands comptes',
        company: 'Ancienne Société',
        company_linkedin_url: 'https://www.linkedin.com/company/ancienne-societe/',
        location: 'Paris',
        start: 'janv. 2018',
        end: 'févr. 2021',
        current: false,
        duration: '3 ans 2 mois',
        description: null,
      },
      {
        title: 'Commerciale',
        company: 'Ancienne Société',
        company_linkedin_url: 'https://www.linkedin.com/company/ancienne-societe/',
        location: null,
        start: 'sept. 2015',
        end: 'déc. 2017',
        current: false,
        duration: null,
        description: null,
      },
    ]);
  });

  it('reads education and languages', () => {
    expect(data?.education).toEqual([
      {
        school: 'École Exemple',
        school_linkedin_url: 'https://www.linkedin.com/school/ecole-exemple/',
        degree: 'Master, Commerce international',
        start: '2010',
        end: '2014',
      },
    ]);
    expect(data?.languages).toEqual([
      { name: 'Français', proficiency: 'Bilingue ou langue natale' },
      { name: 'Anglais', proficiency: 'Capacité professionnelle complète' },
    ]);
  });
});

describe('extractProfile falls back on JSON-LD and Open Graph', () => {
  it('uses JSON-LD worksFor / alumniOf / knowsLanguage when the sections are absent', () => {
    const jsonLdOnly = HAND_MADE_PUBLIC_PROFILE.replace(/<body>[\s\S]*<\/body>/, '<body></body>');
    const { data } = extractProfile(jsonLdOnly);
    expect(data?.name).toBe('Camille Exemple');
    expect(data?.headline).toBe('Directrice commerciale');
    expect(data?.current_company).toBe('Exemple Industries');
    expect(data?.experience.map((e) => [e.company, e.title, e.start, e.end, e.current])).toEqual([
      ['Exemple Industries', 'Directrice commerciale', '2021-03', null, true],
      ['Ancienne Société', null, '2015', '2021', false],
    ]);
    expect(data?.education).toEqual([
      {
        school: 'École Exemple',
        school_linkedin_url: 'https://www.linkedin.com/school/ecole-exemple/',
        degree: null,
        start: '2010',
        end: '2014',
      },
    ]);
    expect(data?.languages).toEqual([
      { name: 'Français', proficiency: null },
      { name: 'Anglais', proficiency: null },
    ]);
    expect(data?.followers).toBe(1234);
    expect(data?.connections).toBe('500+');
  });

  it('uses Open Graph alone when there is neither JSON-LD nor markup', () => {
    const ogOnly = HAND_MADE_PUBLIC_PROFILE.replace(
      /<script type="application\/ld\+json">[\s\S]*?<\/script>/,
      '',
    ).replace(/<body>[\s\S]*<\/body>/, '<body></body>');
    const { data } = extractProfile(ogOnly);
    expect(data?.name).toBe('Camille Exemple');
    expect(data?.headline).toBe('Directrice commerciale');
    expect(data?.location).toBe('Lyon');
    expect(data?.current_company).toBe('Exemple Industries');
    expect(data?.sources).toEqual(['open_graph']);
  });
});

describe('extractProfile location', () => {
  it('skips follower and connection counts when the card has no location block', () => {
    const page = HAND_MADE_PUBLIC_PROFILE.replace(
      /<script type="application\/ld\+json">[\s\S]*?<\/script>/,
      '',
    ).replace(/<div class="profile-info-subheader">[\s\S]*?<\/div><\/div>/, '');
    const { data } = extractProfile(page);
    expect(data?.location).toBe('Lyon');
    expect(data?.followers).toBe(1234);
  });
});

describe('extractProfile on the recorded logged-in app shell', () => {
  it('finds no profile data and no structured data', () => {
    const result = extractProfile(readFixtureText('linkedin', 'loggedin_app_shell_profile.html'));
    expect(result.data).toBeNull();
    expect(result.has_structured_data).toBe(false);
    expect(result.meta.title).toBe('LinkedIn');
    expect(result.meta.service).toBe('voyager-web');
    expect(result.meta.lang).toBe('pl');
  });
});
