import { normalizeSpaces } from './normalize.js';
import { type IdResult, invalid, valid } from './result.js';
import { parseSiren } from './siren.js';
import { parseSiret } from './siret.js';

export interface Rcs {
  /** Registry town (greffe) as written: `Paris`, `Lille Métropole`. */
  city: string;
  /** `A` (commerçant) or `B` (société) when written. */
  letter: 'A' | 'B' | null;
  siren: string;
  /** Some pages write a SIRET where the RCS number goes; kept when they do. */
  siret: string | null;
}

const RCS_WORD = String.raw`R\.?\s?C\.?\s?S\.?`;
const NUMBER = String.raw`(\d(?:[\s.]?\d){8}(?:(?:[\s.]?\d){5})?)`;
const FILLER = String.raw`(?:sous\s+le\s+(?:n°|num[ée]ro|no)\s*)?(?:(?:SIRET|SIREN)\s*)?(?:n°\s*)?:?\s*`;
/** `RCS Paris B 123 456 789`, `R.C.S. de Paris sous le numéro 123 456 789`. */
const CITY_FIRST = new RegExp(
  String.raw`^${RCS_WORD}\s*(?:de\s+|d['’]\s*)?([^\d]*?)\s*(?:\b([AB])\b\s*)?${FILLER}${NUMBER}\s*\.?$`,
  'i',
);
/** `123 456 789 RCS Paris`. */
const NUMBER_FIRST = new RegExp(
  String.raw`^${NUMBER}\s*${RCS_WORD}\s*(?:de\s+|d['’]\s*)?(?:([AB])\s+)?([^\d]+?)\s*\.?$`,
  'i',
);

const cleanCity = (city: string): string =>
  city
    .replace(/[,:;–—-]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();

/** RCS mention → city, letter, SIREN (and SIRET when written). The number must pass its checksum. */
export const parseRcs = (input: string): IdResult<Rcs> => {
  const text = normalizeSpaces(input).trim();
  if (text.length === 0) return invalid('empty', 'RCS mention is empty');
  let city: string;
  let letter: string | undefined;
  let number: string;
  const a = CITY_FIRST.exec(text);
  const b = a ? null : NUMBER_FIRST.exec(text);
  if (a) {
    [, city = '', letter, number = ''] = a;
  } else if (b) {
    [, number = '', letter, city = ''] = b;
  } else {
    return invalid('format', `"${input}" is not an RCS mention like "RCS Paris B 123 456 789"`);
  }
  city = cleanCity(city);
  if (city.length === 0) return invalid('format', `RCS mention "${input}" names no registry town`);
  const upper = letter ? (letter.toUpperCase() as 'A' | 'B') : null;
  const digits = number.replace(/[\s.]/g, '');
  if (digits.length === 14) {
    const s = parseSiret(digits);
    if (!s.ok) return s;
    return valid({ city, letter: upper, siren: s.value.siren, siret: s.value.siret });
  }
  const s = parseSiren(digits);
  if (!s.ok) return s;
  return valid({ city, letter: upper, siren: s.value, siret: null });
};

/** `{ city: 'Paris', letter: 'B', siren: '552081317' }` → `'RCS Paris B 552 081 317'`. */
export const formatRcs = (rcs: Pick<Rcs, 'city' | 'letter' | 'siren'>): string => {
  const n = rcs.siren;
  const num = /^\d{9}$/.test(n) ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : n;
  return `RCS ${rcs.city}${rcs.letter ? ` ${rcs.letter}` : ''} ${num}`;
};
