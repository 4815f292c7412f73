import { isRecord, lenientNumber, lenientText } from '@mcp/core';
import { type JsonLdNode, jsonLdNodes, ldNode, ldNodes, ldText, ldTexts } from '@mcp/jsonld';
import type { CheerioAPI } from 'cheerio';
import * as z from 'zod/v4';

/*
 * The schema.org JSON-LD of LinkedIn pages (and of company websites), read through tolerant schemas:
 * numbers may come as numeric strings, any member may be null, missing, wrapped in a list or a list of
 * mixed values, unknown members are ignored. A node is found by its `@type`; nothing else is required
 * of it, as the page's Open Graph tags and markup still count when its JSON-LD is poor.
 */

/** Every JSON-LD node of the page; a block that is not JSON is skipped. */
export const pageJsonLd = ($: CheerioAPI): JsonLdNode[] =>
  jsonLdNodes(
    $('script[type="application/ld+json"]')
      .toArray()
      .map((el) => $(el).text()),
  );

const unwrap = (v: unknown): unknown => (Array.isArray(v) && v.length === 1 ? v[0] : v);

/**
 * A count (employees, followers): 69, "69", or a QuantitativeValue `{ value: 69 }` /
 * `{ minValue: 69 }`; only a whole number from 0 up, as the tools promise integers.
 */
const count = z
  .preprocess((v) => {
    const u = unwrap(v);
    return isRecord(u) ? (u.value ?? u.minValue) : u;
  }, lenientNumber())
  .transform((n) => (n !== null && Number.isInteger(n) && n >= 0 ? n : null));

/** An ImageObject (`contentUrl`, `url`) or the image's URL alone. */
const image = z.preprocess(
  (v) => {
    const u = unwrap(v);
    return typeof u === 'string' || typeof u === 'number' ? { url: u } : u;
  },
  ldNode({ contentUrl: lenientText(), url: lenientText() }),
);

/** A PostalAddress; LinkedIn writes its type as a bare `type`, and the country as a code or a Country. */
const postalAddress = ldNode({
  streetAddress: lenientText(),
  addressLocality: lenientText(),
  addressRegion: lenientText(),
  postalCode: lenientText(),
  addressCountry: ldText('name'),
});

/** The company of a company page. */
export const organizationSchema = ldNode({
  name: lenientText(),
  url: lenientText(),
  description: lenientText(),
  slogan: lenientText(),
  foundingDate: lenientText(),
  numberOfEmployees: count,
  sameAs: ldTexts('url'),
  logo: image,
  address: postalAddress,
});

export const ORGANIZATION_TYPES = ['Organization', 'Corporation', 'LocalBusiness'] as const;

/** An employer or school of a profile, with the person's role there (OrganizationRole). */
const affiliation = {
  name: lenientText(),
  url: lenientText(),
  location: ldText('name'),
  member: ldNodes({ startDate: lenientText(), endDate: lenientText(), description: lenientText() }),
};

/** The person of a public profile. */
export const personSchema = ldNode({
  name: lenientText(),
  url: lenientText(),
  description: lenientText(),
  address: postalAddress,
  image,
  jobTitle: ldTexts('name'),
  worksFor: ldNodes(affiliation),
  alumniOf: ldNodes(affiliation),
  knowsLanguage: ldTexts('name'),
  // `interactionType` is a URL ("https://schema.org/FollowAction") or a typed object.
  interactionStatistic: ldNodes({
    interactionType: ldText('@type'),
    name: lenientText(),
    userInteractionCount: count,
  }),
});

/** A ProfilePage whose `mainEntity` is the person, when no Person node stands on its own. */
export const profilePageSchema = ldNode({ mainEntity: personSchema });

/** Only what a company website's JSON-LD says about its social pages. */
export const sameAsSchema = ldNode({ sameAs: ldTexts('url') });

export type Organization = NonNullable<z.output<typeof organizationSchema>>;
export type Person = NonNullable<z.output<typeof personSchema>>;
export type Affiliation = Person['worksFor'][number];
export type PostalAddress = NonNullable<Organization['address']>;
