import { withoutLegalForms } from '@mcp/fr-ids';

/**
 * The same company name, or one containing the other word for word ("Acme" in "Acme France SAS"):
 * accents, case, punctuation and legal-form words aside. Never a match on part of a word.
 */
export const sameCompanyName = (a: string, b: string): boolean => {
  const [x, y] = [withoutLegalForms(a), withoutLegalForms(b)];
  if (x === '' || y === '') return false;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  return ` ${longer} `.includes(` ${shorter} `);
};
