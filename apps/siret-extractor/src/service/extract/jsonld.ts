/**
 * What a site says about itself in JSON-LD (schema.org Organization: legalName, taxID, vatID,
 * iso6523Code), as label lines the text extractor reads like a visible notice. Only the site's own
 * organisations count — top-level objects, `@graph` members and a WebSite/WebPage `publisher` — never
 * the sellers or authors nested inside products and articles.
 */
import { lenientText } from '@mcp/core';
import * as z from 'zod/v4';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

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

const isOrg = (o: { [key: string]: Json }): boolean => {
  const t = o['@type'];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === 'string' && ORG_TYPE.test(x));
};

const linesOf = (node: { [key: string]: Json }): string[] => {
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

type JsonObject = { [key: string]: Json };

/** In document order; an explicit stack, since the nesting of a page's JSON-LD is the page's choice. */
const organisations = (root: Json): JsonObject[] => {
  const found: JsonObject[] = [];
  const stack: Array<{ node: Json } | { publisher: JsonObject }> = [{ node: root }];
  while (stack.length > 0) {
    const step = stack.pop() as { node: Json } | { publisher: JsonObject };
    if ('publisher' in step) {
      found.push(step.publisher);
      continue;
    }
    const node = step.node;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i] as Json });
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (isOrg(node)) found.push(node);
    // Pushed first so it comes out after the `@graph` members, as it is read.
    const publisher = node.publisher;
    if (publisher && typeof publisher === 'object' && !Array.isArray(publisher) && isOrg(publisher)) {
      stack.push({ publisher });
    }
    const graph = node['@graph'];
    if (Array.isArray(graph)) stack.push({ node: graph });
  }
  return found;
};

/** Label lines per declared organisation (at most 3); malformed JSON is ignored. */
export const jsonLdFacts = (scripts: string[]): string[][] => {
  const out: string[][] = [];
  for (const script of scripts) {
    let data: Json;
    try {
      data = JSON.parse(script) as Json;
    } catch {
      continue;
    }
    for (const org of organisations(data)) {
      const lines = linesOf(org);
      if (lines.length > 0 && out.length < 3) out.push(lines);
    }
  }
  return out;
};
