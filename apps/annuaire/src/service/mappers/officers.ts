import { foldName as fold } from '@mcp/fr-ids';
import type { RawOfficer } from '@mcp/recherche-entreprises';
import type { Officer } from '../../schemas.js';
import { NON_DIFFUSIBLE, text } from './establishment.js';

/** "MARIE-ANGE CATHERINE" → "Marie-Ange Catherine": the register shouts; people read better. */
export const titleCase = (value: string): string =>
  value === NON_DIFFUSIBLE
    ? value
    : value
        .toLowerCase()
        .replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());

export const mapOfficer = (raw: RawOfficer): Officer => {
  if (raw.type_dirigeant === 'personne morale') {
    const denomination = text(raw.denomination);
    const sigle = text(raw.sigle);
    return {
      kind: 'company',
      name: `${denomination ?? 'Personne morale'}${sigle ? ` (${sigle})` : ''}`,
      role: text(raw.qualite),
      last_name: null,
      first_names: null,
      birth_date: null,
      nationality: null,
      siren: text(raw.siren),
    };
  }
  const last = text(raw.nom);
  const first = text(raw.prenoms);
  return {
    kind: 'person',
    name: [first ? titleCase(first) : null, last].filter(Boolean).join(' ') || 'Personne physique',
    role: text(raw.qualite),
    last_name: last,
    first_names: first,
    birth_date: text(raw.date_de_naissance) ?? text(raw.annee_de_naissance),
    nationality: text(raw.nationalite),
    siren: null,
  };
};

/**
 * Whether an officer is the named person: last name matched word-wise (the register writes married
 * names as "JAY (DEBON)"), first names by any given word. Accents and case do not matter.
 */
export const officerMatches = (officer: Officer, lastName: string, firstNames?: string): boolean => {
  if (officer.kind !== 'person' || !officer.last_name) return false;
  const have = fold(officer.last_name).split(' ');
  const want = fold(lastName).split(' ').filter(Boolean);
  if (want.length === 0 || !want.every((w) => have.includes(w))) return false;
  if (!firstNames) return true;
  const haveFirst = fold(officer.first_names ?? '').split(' ');
  return fold(firstNames)
    .split(' ')
    .filter(Boolean)
    .some((w) => haveFirst.includes(w));
};
