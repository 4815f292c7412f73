import { parseIdentifier } from '@mcp/fr-ids';
import { siteOf } from './site.js';

/** What the user typed, told apart: a register number, a site, or a name to search. */
export type QueryKind =
  | { kind: 'siren' | 'siret' | 'tva'; siren: string; siret: string | null }
  | { kind: 'url' | 'domain'; url: string; domain: string }
  | { kind: 'name'; name: string }
  | { kind: 'invalid'; message: string };

// Digits with the separators people type ("552 081 317", "552.081.317 00017"), or FR + key + SIREN.
const NUMBER_LIKE = /^(?:[\d\s.\-\u00a0\u202f]{9,20}|FR[\s\u00a0]*[0-9A-Z]{2}[\d\s.\u00a0\u202f]{9,13})$/i;

export const classifyQuery = (query: string): QueryKind => {
  const q = query.trim();
  if (NUMBER_LIKE.test(q)) {
    const id = parseIdentifier(q);
    if (!id.ok) return { kind: 'invalid', message: `query: ${id.error.message}` };
    if (id.value.type === 'rna' || id.value.siren === null) {
      return {
        kind: 'invalid',
        message: 'query: an RNA number names an association, not a company: give its SIREN',
      };
    }
    const siret = id.value.type === 'siret' ? id.value.normalized : null;
    return { kind: id.value.type, siren: id.value.siren, siret };
  }
  if (/^https?:\/\//i.test(q)) {
    const site = siteOf(q);
    return site
      ? { kind: 'url', ...site }
      : { kind: 'invalid', message: `query: "${q}" is not a public web address` };
  }
  // A single token with a dot and a public suffix is a domain ("example.fr"); "Dupont & Fils S.A." is not.
  if (!/\s/.test(q) && q.includes('.')) {
    const site = siteOf(q);
    if (site) return { kind: 'domain', ...site };
  }
  return { kind: 'name', name: q };
};
