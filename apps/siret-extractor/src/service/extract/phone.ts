import type { LabelKind } from './labels.js';

/** `+33 `, `0033 `, `+33 (0)`, `(0)` right before the digits: an international phone prefix. */
const PHONE_PREFIX = /(?:(?:\+|00)\s?\d{1,3}[\s.]?(?:\(0\)[\s.]?)?|\(0\)[\s.]?)$/;

/**
 * French phone numbers look like identifiers once separators go (`+33 6 79 70 95 27` → 679709527
 * passes Luhn). A run is a phone when written like one — pairs of digits, a 0X lead, an international
 * prefix — or when a phone label names it; never from its digits alone.
 */
export const isPhoneRun = (
  text: string,
  start: number,
  parts: string[],
  label: LabelKind | null,
): boolean => {
  if (PHONE_PREFIX.test(text.slice(Math.max(0, start - 10), start))) return true;
  const lengths = parts.map((p) => p.length);
  const total = lengths.reduce((a, b) => a + b, 0);
  if (parts.length >= 4 && lengths.slice(1).every((l) => l === 2) && (lengths[0] ?? 0) <= 2) return true;
  if (total === 10 && parts[0]?.startsWith('0')) return true;
  return label === 'phone';
};
