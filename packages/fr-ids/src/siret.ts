import { digitSum, luhnValid } from './luhn.js';
import { stripSeparators } from './normalize.js';
import { type IdResult, invalid, valid } from './result.js';
import { checkDigits } from './siren.js';

/** La Poste numbers its many establishments beyond what Luhn allows; INSEE accepts digit sum % 5. */
export const LA_POSTE_SIREN = '356000000';

export interface Siret {
  siret: string;
  siren: string;
  /** Numéro interne de classement: the 5 digits after the SIREN. */
  nic: string;
}

/**
 * SIRET: 14 digits = SIREN + NIC, Luhn over all 14. La Poste exception: a SIRET starting with
 * 356000000 is valid when it passes Luhn or its digit sum is divisible by 5 (35600000049837).
 */
export const parseSiret = (input: string): IdResult<Siret> => {
  const res = checkDigits(input, 14, 'SIRET');
  if (!res.ok) return res;
  const siret = res.value;
  const siren = siret.slice(0, 9);
  const ok = luhnValid(siret) || (siren === LA_POSTE_SIREN && digitSum(siret) % 5 === 0);
  if (!ok) return invalid('luhn', `SIRET ${siret} fails the Luhn checksum`);
  if (!luhnValid(siren)) return invalid('luhn', `SIRET ${siret} has a SIREN (${siren}) failing Luhn`);
  return valid({ siret, siren, nic: siret.slice(9) });
};

export const isValidSiret = (input: string): boolean => parseSiret(input).ok;

/** First 9 digits of a 14-digit SIRET (separators ignored); `null` when the input is not 14 digits. */
export const sirenFromSiret = (input: string): string | null => {
  const d = stripSeparators(input);
  return /^\d{14}$/.test(d) ? d.slice(0, 9) : null;
};

/** `'35600000000048'` → `'356 000 000 00048'`; anything else comes back unchanged. */
export const formatSiret = (input: string): string => {
  const d = stripSeparators(input);
  return /^\d{14}$/.test(d) ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 9)} ${d.slice(9)}` : input;
};
