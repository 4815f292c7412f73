// Company-name comparison for the cross-checks: accents, case, punctuation and legal-form words
// ("SAS", "SARL", "Société") do not make two names different.
const LEGAL_FORM_WORDS = new Set([
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'snc',
  'sci',
  'scop',
  'sca',
  'selarl',
  'selas',
  'gie',
  'societe',
  'ste',
  'ltd',
  'inc',
  'gmbh',
  'llc',
]);

export const foldName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const coreWords = (name: string): string[] =>
  foldName(name)
    .split(' ')
    .filter((w) => w.length > 0 && !LEGAL_FORM_WORDS.has(w));

/** The same company name, or one containing the other word for word ("Acme" in "Acme France SAS"). */
export const sameCompanyName = (a: string, b: string): boolean => {
  const x = coreWords(a);
  const y = coreWords(b);
  if (x.length === 0 || y.length === 0) return false;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  const joined = ` ${longer.join(' ')} `;
  return joined.includes(` ${shorter.join(' ')} `);
};
