/**
 * What a site says about itself in JSON-LD (schema.org Organization: legalName, taxID, vatID,
 * iso6523Code), as label lines the text extractor reads like a visible notice. Only the site's own
 * organisations count — top-level objects, `@graph` members and a WebSite/WebPage `publisher` — never
 * the sellers or authors nested inside products and articles.
 */
import { lenientText } from '@mcp/core';
import { type JsonLdNode, jsonLdNodes, jsonLdTypes } from '@mcp/jsonld';
import * as z from 'zod/v4';

const ORG_TYPE = /Organization|Corporation|Business|Store|Restaurant|Service|Agency|Office|Shop/i;

/**
 * The members of an organisation node this extractor reads, through a lenient schema: a taxID published
 * as a number, a vatID wrapped in a list, or a `null` name still read as what they hold.
 */
const orgSchema = z.looseObject({
  legalName: lenientText(),
  name: lenientText(),
  taxID: lenientText(),
  iso6523Code: lenientText(),
  vatID: lenientText(),
});

const isOrg = (node: JsonLdNode): boolean => jsonLdTypes(node).some((t) => ORG_TYPE.test(t));

const linesOf = (node: JsonLdNode): string[] => {
  const o = orgSchema.parse(node);
  const lines: string[] = [];
  const name = o.legalName ?? o.name;
  if (name) lines.push(`Raison sociale : ${name}`);
  for (const id of [o.taxID, o.iso6523Code?.replace(/^00(?:02|09):/, '') ?? null]) {
    const digits = id?.replace(/[\s.]/g, '') ?? '';
    if (/^\d{9}$/.test(digits)) lines.push(`SIREN : ${digits}`);
    if (/^\d{14}$/.test(digits)) lines.push(`SIRET : ${digits}`);
  }
  if (o.vatID) lines.push(`TVA : ${o.vatID}`);
  return lines.length > 1 ? lines : [];
};

/** Label lines per declared organisation (at most 3); malformed JSON is ignored. */
export const jsonLdFacts = (scripts: string[]): string[][] => {
  const out: string[][] = [];
  for (const org of jsonLdNodes(scripts, { follow: ['publisher'] }).filter(isOrg)) {
    const lines = linesOf(org);
    if (lines.length > 0 && out.length < 3) out.push(lines);
  }
  return out;
};
