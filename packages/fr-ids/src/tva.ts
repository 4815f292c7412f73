import { stripSeparators } from './normalize.js';
import { type IdResult, invalid, valid } from './result.js';
import { parseSiren } from './siren.js';

export interface Tva {
  /** Canonical form, upper case without spaces: `FR03552081317`. */
  tva: string;
  /** The two check characters after `FR`. */
  key: string;
  siren: string;
}

/** Check key of the French VAT number: (12 + 3 × (SIREN mod 97)) mod 97, two digits. */
export const tvaKey = (siren: string): string => {
  const n = Number(stripSeparators(siren)) % 97;
  return String((12 + 3 * n) % 97).padStart(2, '0');
};

/** `'552081317'` (EDF) → `'FR03552081317'`; `null` when the SIREN is not valid. */
export const tvaFromSiren = (siren: string): string | null => {
  const res = parseSiren(siren);
  return res.ok ? `FR${tvaKey(res.value)}${res.value}` : null;
};

/**
 * TVA intracommunautaire, French only: `FR` + key + SIREN, in any case and with any separators
 * (`FR 03 552 081 317`, `fr03552081317`). A foreign prefix (DE, BE…) is refused with reason `prefix`.
 */
export const parseTva = (input: string): IdResult<Tva> => {
  const raw = stripSeparators(input.trim()).toUpperCase();
  if (raw.length === 0) return invalid('empty', 'TVA number is empty');
  const prefix = raw.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(prefix)) return invalid('format', `TVA number must start with FR, got "${input}"`);
  if (prefix !== 'FR') return invalid('prefix', `TVA number ${raw} is not French (prefix ${prefix})`);
  const rest = raw.slice(2);
  if (rest.length !== 11)
    return invalid('length', `French TVA number must have 11 characters after FR, got ${rest.length}`);
  const key = rest.slice(0, 2);
  const sirenRes = parseSiren(rest.slice(2));
  if (!sirenRes.ok) return invalid(sirenRes.error.reason, `TVA number ${raw}: ${sirenRes.error.message}`);
  const siren = sirenRes.value;
  if (!/^\d{2}$/.test(key)) return invalid('key', `TVA number ${raw} has a non-numeric key "${key}"`);
  const expected = tvaKey(siren);
  if (key !== expected)
    return invalid('key', `TVA number ${raw} has key ${key}, expected ${expected} for SIREN ${siren}`);
  return valid({ tva: `FR${key}${siren}`, key, siren });
};

export const isValidTva = (input: string): boolean => parseTva(input).ok;

/** `'FR03552081317'` → `'FR 03 552 081 317'`; anything not shaped like a French VAT comes back unchanged. */
export const formatTva = (input: string): string => {
  const d = stripSeparators(input).toUpperCase();
  const m = /^FR([0-9A-Z]{2})(\d{3})(\d{3})(\d{3})$/.exec(d);
  return m ? `FR ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : input;
};
