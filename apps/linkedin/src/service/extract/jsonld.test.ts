import { readJsonLd } from '@mcp/jsonld';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { extractCompany } from './company.js';
import { ORGANIZATION_TYPES, organizationSchema, pageJsonLd, personSchema } from './jsonld.js';
import { extractProfile } from './profile.js';

const page = (...blocks: string[]): string =>
  `<html><head>${blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('')}</head><body></body></html>`;

const organization = (node: unknown) =>
  readJsonLd(pageJsonLd(load(page(JSON.stringify(node)))), ORGANIZATION_TYPES, organizationSchema);

describe('the Organization schema', () => {
  it('coerces numeric strings and QuantitativeValues, and refuses counts that are not whole numbers', () => {
    expect(organization({ '@type': 'Organization', numberOfEmployees: '69' })?.numberOfEmployees).toBe(69);
    expect(
      organization({ '@type': 'Organization', numberOfEmployees: { value: '12' } })?.numberOfEmployees,
    ).toBe(12);
    expect(
      organization({ '@type': 'Organization', numberOfEmployees: { minValue: 5 } })?.numberOfEmployees,
    ).toBe(5);
    // A perturbation found this one: 69.5 employees reached the integer output schema.
    expect(organization({ '@type': 'Organization', numberOfEmployees: 69.5 })?.numberOfEmployees).toBeNull();
    expect(organization({ '@type': 'Organization', numberOfEmployees: -3 })?.numberOfEmployees).toBeNull();
    expect(
      organization({ '@type': 'Organization', numberOfEmployees: '5,750' })?.numberOfEmployees,
    ).toBeNull();
  });

  it('accepts null, missing, wrapped and mixed values for every member', () => {
    expect(
      organization({
        '@type': ['Thing', 'Corporation'],
        name: ['Acme'],
        url: null,
        slogan: 42,
        sameAs: ['https://acme.example', { url: 'https://x.example/acme' }, null, 7, true],
        logo: 'https://acme.example/logo.png',
        address: [{ type: 'PostalAddress', addressLocality: 'Lyon', addressCountry: { name: 'FR' } }],
        unknown: { deep: [1, 2] },
      }),
    ).toEqual({
      name: 'Acme',
      url: null,
      description: null,
      slogan: '42',
      foundingDate: null,
      numberOfEmployees: null,
      sameAs: ['https://acme.example', 'https://x.example/acme', '7'],
      logo: { contentUrl: null, url: 'https://acme.example/logo.png', types: [] },
      address: {
        streetAddress: null,
        addressLocality: 'Lyon',
        addressRegion: null,
        postalCode: null,
        addressCountry: 'FR',
        types: ['PostalAddress'],
      },
      types: ['Thing', 'Corporation'],
    });
    expect(organization({ '@type': 'Organization', logo: true, address: 'Paris' })).toMatchObject({
      logo: null,
      address: null,
    });
  });

  it('finds the node by @type inside @graph and arrays, and skips blocks that are not JSON', () => {
    const html = page(
      '{"@type": "Organization", "name": "trunc',
      JSON.stringify([
        { '@type': 'WebSite', name: 'site' },
        { '@graph': [{ '@type': 'Organization', name: 'Acme' }] },
      ]),
    );
    expect(readJsonLd(pageJsonLd(load(html)), ORGANIZATION_TYPES, organizationSchema)?.name).toBe('Acme');
  });
});

describe('the Person schema', () => {
  it('reads affiliations, roles and counts in whatever shape they come', () => {
    const person = personSchema.parse({
      '@type': 'Person',
      name: 'Jane',
      jobTitle: 'CEO',
      worksFor: {
        '@type': 'Organization',
        name: 'Acme',
        member: { startDate: 2020 },
        location: { name: 'Paris' },
      },
      alumniOf: ['École', { '@type': ['EducationalOrganization'], name: 'HEC' }],
      knowsLanguage: ['fr', { name: 'en' }, { code: 'de' }],
      interactionStatistic: [
        null,
        { interactionType: { '@type': 'FollowAction' }, userInteractionCount: '1234' },
      ],
    });
    expect(person).toMatchObject({
      jobTitle: ['CEO'],
      worksFor: [{ name: 'Acme', location: 'Paris', member: [{ startDate: '2020', endDate: null }] }],
      alumniOf: [{ name: 'HEC', types: ['EducationalOrganization'] }],
      knowsLanguage: ['fr', 'en'],
      interactionStatistic: [{ interactionType: 'FollowAction', userInteractionCount: 1234 }],
    });
  });
});

describe('extraction with odd JSON-LD', () => {
  it('keeps reading the page when its only block is not JSON, or not an object', () => {
    for (const block of ['{"@type":', '"Organization"', '[1, null, true]', 'null']) {
      const html = `<html><head><title>Audiense | LinkedIn</title><meta property="og:title" content="Audiense | LinkedIn">
        <meta property="og:url" content="https://uk.linkedin.com/company/audiense">
        <script type="application/ld+json">${block}</script></head><body></body></html>`;
      expect(extractCompany(html)).toMatchObject({
        data: { name: 'Audiense', sources: ['open_graph'] },
        has_structured_data: false,
      });
    }
  });

  it('reads a profile from a ProfilePage mainEntity, whatever its members hold', () => {
    const html = page(
      JSON.stringify({
        '@type': 'ProfilePage',
        mainEntity: {
          name: ['Jane Doe'],
          url: 'https://fr.linkedin.com/in/jane-doe',
          address: { addressLocality: 75 },
          worksFor: 'Acme',
          jobTitle: [null, { name: 'CEO' }],
          interactionStatistic: { name: 'Follows', userInteractionCount: 1.5 },
          image: { url: 'https://media.licdn.com/x.jpg' },
        },
      }),
    );
    expect(extractProfile(html).data).toMatchObject({
      name: 'Jane Doe',
      public_id: 'jane-doe',
      location: '75',
      current_company: null,
      current_title: 'CEO',
      followers: null,
      image_url: 'https://media.licdn.com/x.jpg',
      experience: [],
      sources: ['json_ld'],
    });
  });
});
