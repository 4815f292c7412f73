import { withoutLegalForms } from '@mcp/fr-ids';

const bigrams = (s: string): string[] => {
  const out: string[] = [];
  const t = s.replace(/ /g, '');
  for (let i = 0; i < t.length - 1; i++) out.push(t.slice(i, i + 2));
  return out;
};

/**
 * 0–1 likeness of two company names: 1 when one contains the other once normalised ("Akema" in
 * "AKEMA SAS"), else the Dice coefficient of their letter pairs.
 */
export const nameSimilarity = (a: string, b: string): number => {
  const x = withoutLegalForms(a);
  const y = withoutLegalForms(b);
  if (x.length === 0 || y.length === 0) return 0;
  if (x === y || ` ${y} `.includes(` ${x} `) || ` ${x} `.includes(` ${y} `)) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  if (bx.length === 0 || by.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of by) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of bx) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common += 1;
      pool.set(g, n - 1);
    }
  }
  return Math.round(((2 * common) / (bx.length + by.length)) * 100) / 100;
};
