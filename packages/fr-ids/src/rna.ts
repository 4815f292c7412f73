import { stripSeparators } from './normalize.js';
import { type IdResult, invalid, valid } from './result.js';

/**
 * RNA (Répertoire national des associations): `W` + 9 digits, e.g. `W691095013`. It is not a SIREN
 * and has no checksum; an association may also hold a SIREN, which is a different number.
 */
export const parseRna = (input: string): IdResult<string> => {
  const raw = stripSeparators(input.trim()).toUpperCase();
  if (raw.length === 0) return invalid('empty', 'RNA number is empty');
  if (!raw.startsWith('W')) return invalid('prefix', `RNA number must start with W, got "${input}"`);
  const digits = raw.slice(1);
  if (!/^\d+$/.test(digits))
    return invalid('non_digit', `RNA number must be W followed by digits, got "${input}"`);
  if (digits.length !== 9)
    return invalid('length', `RNA number must have 9 digits after W, got ${digits.length}`);
  return valid(raw);
};

export const isValidRna = (input: string): boolean => parseRna(input).ok;
