import { readFixtureJson, readFixtureText } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { extractCompany } from './company.js';

interface Expected {
  file: string;
  expected: {
    og?: Record<string, string>;
    ld_json_Organization?: {
      name: string;
      sameAs: string;
      slogan: string;
      numberOfEmployees: { value: number };
      address: Record<string, string>;
      logo: { contentUrl: string };
    };
  };
}

const audienseHtml = readFixtureText('linkedin', 'company_audiense_public.html');
const expected = readFixtureJson<Expected[]>('linkedin', 'expected.json').find(
  (e) => e.file === 'linkedin/company_audiense_public.html',
)!.expected;
const ld = expected.ld_json_Organization!;

describe('extractCompany on the recorded Audiense public page', () => {
  const { data, meta, has_structured_data } = extractCompany(audienseHtml);

  it('matches the JSON-LD Organization recorded in expected.json', () => {
    expect(data?.name).toBe(ld.name);
    expect(data?.tagline).toBe(ld.slogan);
    expect(data?.employees_on_linkedin).toBe(ld.numberOfEmployees.value);
    expect(data?.same_as).toEqual([ld.sameAs]);
    expect(data?.logo_url).toBe(ld.logo.contentUrl);
    expect(data?.headquarters).toEqual({
      text: 'London, London',
      street_address: ld.address.streetAddress,
      locality: ld.address.addressLocality,
      region: ld.address.addressRegion,
      postal_code: ld.address.postalCode,
      country: ld.address.addressCountry,
    });
  });

  it('reads every field of the page', () => {
    expect(has_structured_data).toBe(true);
    expect(data).toMatchObject({
      name: 'Audiense',
      linkedin_url: 'https://www.linkedin.com/company/audiense/',
      slug: 'audiense',
      company_id: '10529043',
      tagline: 'Put consumer segmentation and cultural understanding at the center of your strategy.',
      website: 'http://www.audiense.com',
      industry: 'Advertising Services',
      company_size: '51-200 employees',
      company_type: 'Privately Held',
      employees_on_linkedin: 69,
      founded: '2011',
      specialties: [],
      followers: 5750,
      same_as: ['http://www.audiense.com'],
      sources: ['json_ld', 'markup'],
    });
    expect(data?.description).toMatch(/^The Audiense platform combines rich social data sources/);
    expect(data?.description).toContain('Audiense Connect - Approach social marketing the smart way!');
    expect(data?.description).toContain('\n\n');
  });

  it('reads the Open Graph tags recorded in expected.json', () => {
    const og = expected.og!;
    expect(meta.og.title).toBe(og['og:title']);
    expect(meta.og.image).toBe(og['og:image']);
    expect(meta.og.url).toBe(og['og:url']);
    expect(meta.og.type).toBe(og['og:type']);
    expect(meta.og.description?.startsWith(og['og:description']!.trim())).toBe(true);
    expect(meta.title).toBe(og.title);
    expect(meta.page_key).toBe('d_org_guest_company_overview');
  });
});

describe('extractCompany fallbacks', () => {
  it('falls back on the markup when the JSON-LD block is missing', () => {
    const noLd = audienseHtml.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');
    const { data } = extractCompany(noLd);
    expect(data).toMatchObject({
      name: 'Audiense',
      tagline: 'Put consumer segmentation and cultural understanding at the center of your strategy.',
      website: 'http://www.audiense.com',
      employees_on_linkedin: 69,
      founded: '2011',
      followers: 5750,
      same_as: [],
      sources: ['open_graph', 'markup'],
    });
    expect(data?.headquarters).toEqual({
      text: 'London, London',
      street_address: null,
      locality: null,
      region: null,
      postal_code: null,
      country: null,
    });
    expect(data?.description).toMatch(/^The Audiense platform/);
    expect(data?.logo_url).toBe(expected.og!['og:image']);
  });

  it('reads a French page: "abonnés", Spécialisations, foundingDate', () => {
    const html = `<html lang="fr"><head><title>Exemple | LinkedIn</title>
      <meta property="og:url" content="https://fr.linkedin.com/company/exemple-sa">
      <script type="application/ld+json">{"@type":"Organization","name":"Exemple SA","foundingDate":"1998",
        "url":"https://fr.linkedin.com/company/exemple-sa","sameAs":["https://www.exemple.fr"]}</script></head>
      <body><section class="top-card-layout"><h1 class="top-card-layout__title">Exemple SA</h1>
      <h3 class="top-card-layout__first-subline">Paris, IDF <span></span> 12 345 abonnés</h3></section>
      <section data-test-id="about-us"><dl>
        <div><dt>Secteur</dt><dd>Industrie</dd></div>
        <div><dt>Spécialisations</dt><dd>Robotique, Vision industrielle et Maintenance</dd></div>
      </dl></section></body></html>`;
    const { data } = extractCompany(html);
    expect(data).toMatchObject({
      name: 'Exemple SA',
      slug: 'exemple-sa',
      founded: '1998',
      followers: 12345,
      industry: 'Industrie',
      specialties: ['Robotique', 'Vision industrielle', 'Maintenance'],
      website: 'https://www.exemple.fr',
    });
  });

  it('takes the company id from the page’s own card, not from another organization listed first', () => {
    const withOtherFirst = audienseHtml
      .replace('<body', '<body data-entity-id="urn:li:organization:111"')
      .replaceAll('data-semaphore-content-urn="urn:li:organization:10529043"', '');
    expect(extractCompany(withOtherFirst).data?.company_id).toBe('10529043');
  });

  it('returns no data for the logged-in app shell', () => {
    const shell = extractCompany(readFixtureText('linkedin', 'loggedin_app_shell_profile.html'));
    expect(shell.data).toBeNull();
    expect(shell.has_structured_data).toBe(false);
  });
});
