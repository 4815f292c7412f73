// What an identifier an agent hands over is: SIREN, SIRET or French TVA number, checked offline.
import {
  digitSum,
  formatSiren,
  formatSiret,
  formatTva,
  isAllDigits,
  LA_POSTE_SIREN,
  luhnValid,
  normalizeSpaces,
  parseSiren,
  parseSiret,
  parseTva,
  stripSeparators,
} from '@mcp/fr-ids';

export type IdKind = 'siren' | 'siret' | 'tva';

/** A well-shaped identifier, valid or not by its checksum. */
export interface Identified {
  input: string;
  kind: IdKind;
  /** Digits only, or `FR` + key + SIREN for a TVA number. */
  normalized: string;
  formatted: string;
  siren: string;
  /** The SIRET for kind `siret`. */
  siret: string | null;
  luhn_valid: boolean;
  la_poste_exception: boolean;
  valid: boolean;
  reason: string | null;
}

/** Not an identifier at all: the caller's input is wrong, not the number. */
export interface Unreadable {
  input: string;
  reason: 'non_digit' | 'length' | 'prefix';
  message: string;
}

const TVA_SHAPE = /^[A-Z]{2}/i;

const identifyTva = (input: string, raw: string): Identified | Unreadable => {
  const parsed = parseTva(raw);
  if (!parsed.ok && (parsed.error.reason === 'prefix' || parsed.error.reason === 'format')) {
    return {
      input,
      reason: 'prefix',
      message: `${parsed.error.message}: only French TVA numbers (FR…) are known here.`,
    };
  }
  const body = raw.slice(2);
  if (!parsed.ok && (parsed.error.reason === 'length' || !/^[0-9A-Z]{2}\d{9}$/.test(body))) {
    return {
      input,
      reason: 'length',
      message: `A French TVA number is FR + a 2-digit key + the 9-digit SIREN (13 characters), got "${input}".`,
    };
  }
  const siren = body.slice(2);
  const normalized = `FR${body}`;
  return {
    input,
    kind: 'tva',
    normalized,
    formatted: formatTva(normalized),
    siren,
    siret: null,
    luhn_valid: luhnValid(siren),
    la_poste_exception: false,
    valid: parsed.ok,
    reason: parsed.ok ? null : parsed.error.message,
  };
};

/** SIREN (9 digits), SIRET (14) or French TVA (FR + key + SIREN); spaces and dots allowed. */
export const identify = (input: string): Identified | Unreadable => {
  const raw = stripSeparators(normalizeSpaces(input).trim()).toUpperCase();
  if (TVA_SHAPE.test(raw)) return identifyTva(input, raw);
  if (!isAllDigits(raw)) {
    return {
      input,
      reason: 'non_digit',
      message: `id must be a SIREN, a SIRET or a French TVA number (digits, spaces, dots; FR…), got "${input}".`,
    };
  }
  if (raw.length !== 9 && raw.length !== 14) {
    return {
      input,
      reason: 'length',
      message: `id must have 9 digits (SIREN) or 14 digits (SIRET), got ${raw.length}.`,
    };
  }
  const kind = raw.length === 14 ? 'siret' : 'siren';
  const siren = raw.slice(0, 9);
  const parsed = kind === 'siret' ? parseSiret(raw) : parseSiren(raw);
  const luhn = luhnValid(raw);
  return {
    input,
    kind,
    normalized: raw,
    formatted: kind === 'siret' ? formatSiret(raw) : formatSiren(raw),
    siren,
    siret: kind === 'siret' ? raw : null,
    luhn_valid: luhn,
    la_poste_exception: kind === 'siret' && !luhn && siren === LA_POSTE_SIREN && digitSum(raw) % 5 === 0,
    valid: parsed.ok,
    reason: parsed.ok ? null : parsed.error.message,
  };
};

export const isUnreadable = (id: Identified | Unreadable): id is Unreadable => !('kind' in id);

/** Whether the DGFiP list the register carries names this number; silent when the list is empty. */
export const vatVerdict = (tva: string, registered: readonly string[]): string => {
  if (registered.length === 0) return '';
  const listed = registered.includes(tva);
  return listed
    ? '; the register lists it as an active VAT number'
    : '; the register does not list it among the active VAT numbers';
};
