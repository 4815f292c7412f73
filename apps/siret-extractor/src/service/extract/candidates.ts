import { type IdResult, parseRna, parseSiren, parseSiret, parseTva } from '@mcp/fr-ids';
import type { TextDoc } from './doc.js';
import { type LabelKind, nearestLabel } from './labels.js';
import { isPhoneRun } from './phone.js';
import {
  completeTruncatedRcs,
  oddSpacing,
  type RecoveryRule,
  sirenFromTvaSiretBody,
  TVA_SIRET_BODY,
} from './recovery.js';

export type CandidateType = 'siren' | 'siret' | 'tva' | 'rcs' | 'rna';

/** One identifier-looking value found in a page, before its role is decided. */
export interface RawCandidate {
  type: CandidateType;
  /** As written on the page. */
  value: string;
  /** Digits (SIREN/SIRET/RCS), `FR…` (TVA) or `W…` (RNA). */
  normalized: string;
  /** The SIREN this value identifies; null for RNA and foreign VAT. */
  siren: string | null;
  valid: boolean;
  invalid_reason: string | null;
  /** A keyword names it (SIRET, RCS, TVA…); unlabeled numbers are kept only when they pass checks. */
  labeled: boolean;
  rcs_city: string | null;
  /** Read from a garbled form that still pins down one SIREN (see recovery.ts), with the rule used. */
  recovered: boolean;
  recovery_rule: RecoveryRule | null;
  start: number;
  end: number;
}

const CONTEXT = 80;

export const contextOf = (text: string, start: number, end: number): string =>
  text
    .slice(Math.max(0, start - CONTEXT), Math.min(text.length, end + CONTEXT))
    .replace(/\s+/g, ' ')
    .trim();

const SEP = String.raw`[ \t.\-]?`;
const FR_TVA = new RegExp(
  String.raw`(?<![\p{L}\d])FR${SEP}([0-9A-Z]{2})${SEP}(\d{3}${SEP}\d{3}${SEP}\d{3})(?![\d\p{L}])`,
  'giu',
);
const FOREIGN_VAT =
  /(?<![\p{L}\d])(AT|BE|BG|CH|CHE|CY|CZ|DE|DK|EE|EL|ES|FI|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|NO|PL|PT|RO|SE|SI|SK|XI)[ \t-]?((?:U)?\d[\dA-Z. ]{6,14}[\dA-Z])(?![\d\p{L}])/gu;
const RNA = /(?<![\p{L}\d])W[ \t]?(\d(?:[ .]?\d){8})(?!\d)/gu;
/** Digit groups separated by one space, dot or hyphen; URLs, codes glued to letters and signed numbers excluded. */
const DIGIT_RUN = /(?<![\d\p{L}/=?#_@&%+\\-])\d+(?:[ \t.-]\d+)*(?![\d\p{L}/_@%])/gu;

/** The current line before `start`, at most `max` characters. */
const lineBefore = (text: string, start: number, max = 80): string => {
  const window = text.slice(Math.max(0, start - max), start);
  return window.slice(window.lastIndexOf('\n') + 1);
};

const RCS_CITY_BEFORE =
  /R\.?\s?C\.?\s?S\.?\s*(?:de\s+|d['’]\s*|:\s*)?(\p{Lu}[\p{L}'’\- ]{0,40}?)\s*(?:\b[AB]\b\s*)?(?:sous\s+le\s+(?:n°|num[ée]ro|no)\s*)?(?:SIRET|SIREN)?\s*(?:n°\s*)?[:(]?\s*$/u;
const RCS_CITY_AFTER =
  /^\s*[(,–-]?\s*R\.?\s?C\.?\s?S\.?\s+(?:de\s+|d['’])?(?:[AB]\s+)?(\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+)*)/u;

const cityBefore = (window: string): string | null => {
  const city = RCS_CITY_BEFORE.exec(window)?.[1]?.trim();
  return city && !/^(?:SIRET|SIREN|B|A)$/i.test(city) ? city : null;
};

interface Reading {
  digits: 9 | 14;
  /** How many of the run's groups it uses. */
  take: number;
}

/**
 * The identifiers a digit run may be, most likely first; empty when it is none. A 3-3-3 run followed
 * by more groups is a SIRET when the next group has 5 digits and passes, else a SIREN followed by
 * something else ("SIREN 552 081 317 75008 Paris").
 */
const readingsOf = (groups: number[], label: LabelKind | null): Reading[] => {
  const total = groups.reduce((a, b) => a + b, 0);
  const sirenShape =
    (groups.length === 1 && total === 9) || (groups[0] === 3 && groups[1] === 3 && groups[2] === 3);
  const named = label !== null && label !== 'phone';
  const readings: Reading[] = [];
  if (total === 14 && (groups.length === 1 || groups[0] === 9 || sirenShape)) {
    readings.push({ digits: 14, take: groups.length });
  } else if (groups.length > 4 && sirenShape && groups[3] === 5 && named) {
    readings.push({ digits: 14, take: 4 });
  }
  if (total === 9) {
    if (groups.length === 1 || sirenShape || (named && groups.every((g) => g >= 2))) {
      readings.push({ digits: 9, take: groups.length });
    }
  } else if (sirenShape && groups.length > 3 && (named || readings.length > 0)) {
    readings.push({ digits: 9, take: 3 });
  }
  return readings;
};

type Verdict = Pick<RawCandidate, 'valid' | 'invalid_reason'>;

const verdictOf = (res: IdResult<unknown>): Verdict =>
  res.ok ? { valid: true, invalid_reason: null } : { valid: false, invalid_reason: res.error.reason };

/** A TVA or RNA number, named by its prefix or label: always labeled, never an RCS. */
const prefixed = (
  type: 'tva' | 'rna',
  value: string,
  normalized: string,
  siren: string | null,
  verdict: Verdict,
  start: number,
): RawCandidate => ({
  type,
  value,
  normalized,
  siren,
  ...verdict,
  labeled: true,
  rcs_city: null,
  recovered: false,
  recovery_rule: null,
  start,
  end: start + value.length,
});

export interface Scan {
  candidates: RawCandidate[];
  /** `RCS Périgueux` without a number: the town, to complete the publisher's RCS. */
  rcsCities: Array<{ city: string; offset: number }>;
}

/** Every SIREN/SIRET/TVA/RCS/RNA candidate in a page; phones, glued runs, URLs and foreign VAT are not. */
export const scanCandidates = (doc: TextDoc): Scan => {
  const text = doc.text;
  const out: RawCandidate[] = [];
  // One flag per character already claimed by a TVA/RNA match, so digit runs inside them are skipped.
  const taken = new Uint8Array(text.length);
  const take = (s: number, e: number) => taken.fill(1, s, e);
  const isTaken = (s: number, e: number) => taken[s] === 1 || taken[e - 1] === 1;

  /** Reads each match of `re` outside earlier claims (null: not one) and claims its characters. */
  const claim = (re: RegExp, read: (m: RegExpExecArray, start: number) => RawCandidate | null) => {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (isTaken(start, end)) continue;
      const candidate = read(m, start);
      if (!candidate) continue;
      out.push(candidate);
      take(start, end);
    }
  };

  // Before FR_TVA, which would otherwise read the first nine digits of the 14-digit body.
  claim(TVA_SIRET_BODY, (m, start) => {
    const siren = sirenFromTvaSiretBody(m[1] ?? '', m[2] ?? '');
    if (!siren) return null;
    const tva = `FR${m[1]}${siren}`;
    return {
      ...prefixed('tva', m[0], tva, siren, { valid: true, invalid_reason: null }, start),
      recovered: true,
      recovery_rule: 'tva_siret_body',
    };
  });

  claim(FR_TVA, (m, start) => {
    const res = parseTva(m[0]);
    const digits = (m[2] ?? '').replace(/\D/g, '');
    const normalized = `FR${(m[1] ?? '').toUpperCase()}${digits}`;
    return prefixed('tva', m[0], normalized, res.ok ? res.value.siren : digits, verdictOf(res), start);
  });

  claim(FOREIGN_VAT, (m, start) => {
    const compact = m[0].replace(/[\s.-]/g, '');
    // Only after a VAT label: product codes look the same ("SK12345678"). Unlabeled, the digits stay
    // glued to letters and are never read as a SIREN anyway.
    if (nearestLabel(lineBefore(text, start, 60)) !== 'tva') return null;
    if (!/^[A-Z]{2,3}U?\d{8,13}[A-Z\d]?$/.test(compact)) return null;
    return prefixed('tva', m[0], compact, null, { valid: false, invalid_reason: 'foreign_vat' }, start);
  });

  claim(RNA, (m, start) => {
    const res = parseRna(m[0]);
    const normalized = res.ok ? res.value : m[0].replace(/\s/g, '');
    return prefixed('rna', m[0], normalized, null, verdictOf(res), start);
  });

  const truncated: Array<{ digits: string; value: string; start: number; rcsCity: string | null }> = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const start = m.index;
    if (isTaken(start, start + m[0].length)) continue;
    const parts = m[0].split(/[ \t.-]/);
    const window = lineBefore(text, start);
    const label = nearestLabel(window);
    if (isPhoneRun(text, start, parts, label)) continue;
    // "N° TVA : 03 552 081 317": a French VAT number written without its FR prefix.
    if (label === 'tva' && parts.join('').length === 11) {
      const tva = `FR${parts.join('')}`;
      out.push(prefixed('tva', m[0], tva, tva.slice(4), verdictOf(parseTva(tva)), start));
      continue;
    }
    const readings = readingsOf(
      parts.map((p) => p.length),
      label,
    );
    if (readings.length === 0) {
      const odd = oddSpacing(parts, label);
      const rcsCity = /R\.?\s?C\.?\s?S/i.test(window) ? cityBefore(window) : null;
      if (odd) {
        out.push({
          type: label === 'rcs' ? 'rcs' : odd.type,
          value: m[0],
          normalized: odd.digits,
          siren: odd.siren,
          valid: true,
          invalid_reason: null,
          labeled: true,
          rcs_city: rcsCity,
          recovered: true,
          recovery_rule: 'odd_spacing',
          start,
          end: start + m[0].length,
        });
      } else if (label === 'rcs') {
        truncated.push({ digits: parts.join(''), value: m[0], start, rcsCity });
      }
      continue;
    }
    const check = (r: Reading) => {
      const d = parts.slice(0, r.take).join('');
      return { reading: r, digits: d, res: r.digits === 14 ? parseSiret(d) : parseSiren(d) };
    };
    const tried = readings.map(check);
    const pick = tried.find((t) => t.res.ok) ?? (tried[0] as (typeof tried)[number]);
    const { reading: shape, digits, res } = pick;
    let value = m[0];
    if (shape.take < parts.length) {
      let cut = 0;
      for (let i = 0; i < shape.take; i++) cut = m[0].indexOf(parts[i] ?? '', cut) + (parts[i]?.length ?? 0);
      value = m[0].slice(0, cut);
    }
    const end = start + value.length;
    const after = text.slice(end, end + 60);
    const cityAfter = RCS_CITY_AFTER.exec(after)?.[1] ?? null;
    const isRcs = label === 'rcs' || (label !== 'siret' && label !== 'siren' && cityAfter !== null);
    const labeled = isRcs || (label !== null && label !== 'phone' && label !== 'tva' && label !== 'rna');
    if (!labeled && !res.ok) continue;
    const type: CandidateType = isRcs ? 'rcs' : shape.digits === 14 ? 'siret' : 'siren';
    out.push({
      type,
      value,
      normalized: digits,
      siren: digits.slice(0, 9),
      ...verdictOf(res),
      labeled,
      rcs_city: (/R\.?\s?C\.?\s?S/i.test(window) ? cityBefore(window) : null) ?? cityAfter,
      recovered: false,
      recovery_rule: null,
      start,
      end,
    });
  }

  // Truncated RCS numbers, completed only from a SIREN the page states in full elsewhere.
  const stated = new Set(out.filter((c) => c.valid && !c.recovered && c.siren).map((c) => c.siren as string));
  for (const t of truncated) {
    const siren = completeTruncatedRcs(t.digits, stated);
    if (!siren) continue;
    out.push({
      type: 'rcs',
      value: t.value,
      normalized: siren,
      siren,
      valid: true,
      invalid_reason: null,
      labeled: true,
      rcs_city: t.rcsCity,
      recovered: true,
      recovery_rule: 'rcs_truncated',
      start: t.start,
      end: t.start + t.value.length,
    });
  }

  const rcsCities: Scan['rcsCities'] = [];
  for (const m of text.matchAll(
    /\bR\.?\s?C\.?\s?S\.?[ \t]+(?:de\s+|d['’])?(\p{Lu}[\p{L}'’-]+(?:[ -](?:\p{Lu}|sur\b|en\b|le\b|la\b)[\p{L}'’-]*)*)[ \t]*(?=$|[\n,.;)|])/gmu,
  )) {
    if (m[1]) rcsCities.push({ city: m[1], offset: m.index });
  }

  out.sort((a, b) => a.start - b.start);
  return { candidates: out, rcsCities };
};
