/**
 * Separators people put inside identifiers: ASCII space, tab, no-break space (U+00A0, what `&nbsp;`
 * decodes to), narrow no-break space (U+202F, French typography), thin and figure spaces, dots, hyphens.
 */
export const SEPARATOR_CHARS = ' \t\u00a0\u202f\u2009\u2007\u2002\u2003\u200a.\\-';

const SEPARATORS = new RegExp(`[${SEPARATOR_CHARS}]`, 'g');

/** Drops separators only: `'356 000\u00a0000'` → `'356000000'`. Letters and other characters stay. */
export const stripSeparators = (input: string): string => input.replace(SEPARATORS, '');

/** Every Unicode space (nbsp, thin, narrow…) to one ASCII space, so regexes see plain text. */
export const normalizeSpaces = (input: string): string =>
  input.replace(/[\u00a0\u202f\u2009\u2007\u2002\u2003\u2000-\u200a\u205f\u3000]/g, ' ');

export const isAllDigits = (input: string): boolean => /^\d+$/.test(input);
