import { luhnValid } from './luhn.js';
import { isAllDigits, stripSeparators } from './normalize.js';
import { type IdResult, invalid, valid } from './result.js';

/**
 * Digit strings that pass the checks but are template fillers, never a company: `000 000 000` passes
 * Luhn, and `123 456 789` is what "<à compléter>" pages often carry instead.
 */
export const isPlaceholderDigits = (digits: string): boolean =>
  /^(\d)\1+$/.test(digits) || '1234567890123456'.startsWith(digits) || '9876543210'.startsWith(digits);

/** Shared checks for fixed-length numeric identifiers; `label` names the identifier in messages. */
export const checkDigits = (input: string, length: number, label: string): IdResult<string> => {
  const digits = stripSeparators(input.trim());
  if (digits.length === 0) return invalid('empty', `${label} is empty`);
  if (!isAllDigits(digits)) return invalid('non_digit', `${label} must contain only digits, got "${input}"`);
  if (digits.length !== length) {
    return invalid('length', `${label} must have ${length} digits, got ${digits.length}`);
  }
  if (isPlaceholderDigits(digits)) return invalid('placeholder', `${label} ${digits} is a placeholder`);
  return valid(digits);
};

/** SIREN: 9 digits whose Luhn sum is a multiple of 10. Separators are accepted and removed. */
export const parseSiren = (input: string): IdResult<string> => {
  const res = checkDigits(input, 9, 'SIREN');
  if (!res.ok) return res;
  if (!luhnValid(res.value)) return invalid('luhn', `SIREN ${res.value} fails the Luhn checksum`);
  return res;
};

export const isValidSiren = (input: string): boolean => parseSiren(input).ok;

/** `'356000000'` → `'356 000 000'`; input that is not 9 digits comes back unchanged. */
export const formatSiren = (input: string): string => {
  const d = stripSeparators(input);
  return /^\d{9}$/.test(d) ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}` : input;
};
