import { normalizeSpaces, stripSeparators } from './normalize.js';
import { type IdResult, invalid, valid } from './result.js';
import { parseRna } from './rna.js';
import { parseSiren } from './siren.js';
import { parseSiret } from './siret.js';
import { parseTva } from './tva.js';

export type IdentifierType = 'siren' | 'siret' | 'tva' | 'rna';

export interface Identified {
  type: IdentifierType;
  /** Canonical form: digits for SIREN/SIRET, `FR…` for TVA, `W…` for RNA. */
  normalized: string;
  /** SIREN the identifier belongs to; `null` for RNA. */
  siren: string | null;
}

/**
 * One identifier typed by a user (a search box, a tool argument): guesses the kind from its shape and
 * validates it, so callers accept `552 081 317`, `55208131766522`, `FR03552081317` or `W691095013`.
 */
export const parseIdentifier = (input: string): IdResult<Identified> => {
  const compact = stripSeparators(normalizeSpaces(input).trim()).toUpperCase();
  if (compact.length === 0) return invalid('empty', 'identifier is empty');
  if (/^W\d/.test(compact)) {
    const r = parseRna(compact);
    return r.ok ? valid({ type: 'rna', normalized: r.value, siren: null }) : r;
  }
  if (/^[A-Z]{2}/.test(compact)) {
    const r = parseTva(compact);
    return r.ok ? valid({ type: 'tva', normalized: r.value.tva, siren: r.value.siren }) : r;
  }
  if (!/^\d+$/.test(compact)) {
    return invalid('non_digit', `"${input}" is neither a SIREN, a SIRET, a TVA nor an RNA number`);
  }
  if (compact.length === 14) {
    const r = parseSiret(compact);
    return r.ok ? valid({ type: 'siret', normalized: r.value.siret, siren: r.value.siren }) : r;
  }
  if (compact.length === 9) {
    const r = parseSiren(compact);
    return r.ok ? valid({ type: 'siren', normalized: r.value, siren: r.value }) : r;
  }
  return invalid('length', `identifier must have 9 (SIREN) or 14 (SIRET) digits, got ${compact.length}`);
};
