/** Name comparison for ranking: accents, case, punctuation and French/English legal forms ignored. */
import { LEGAL_FORM_WORDS, nameWords } from '@mcp/fr-ids';

// Besides the legal forms, words a company name may carry or drop from one source to the next.
const NAME_NOISE: ReadonlySet<string> = new Set([
  ...LEGAL_FORM_WORDS,
  'co',
  'company',
  'groupe',
  'group',
  'holding',
  'france',
  'the',
  'et',
  'and',
  'de',
  'la',
  'le',
  'les',
  'des',
  'du',
]);

export const tokens = (text: string | null | undefined): string[] => nameWords(text ?? '', NAME_NOISE);

/** Share of `wanted`'s significant tokens found in `candidate` (0..1). */
export const tokenOverlap = (wanted: string, candidate: string | null | undefined): number => {
  const want = [...new Set(tokens(wanted))];
  if (want.length === 0) return 0;
  const have = new Set(tokens(candidate));
  return want.filter((t) => have.has(t)).length / want.length;
};

export const sameName = (a: string, b: string | null | undefined): boolean => {
  const x = tokens(a).join(' ');
  return x !== '' && x === tokens(b).join(' ');
};

/** "Acme Industries" vs slug "acme-industries" (exact) or "acme-industries-france" / "acme" (prefix). */
export const slugMatch = (name: string, slug: string | null | undefined): 'exact' | 'prefix' | null => {
  if (!slug) return null;
  const joined = tokens(name).join('');
  const s = tokens(slug).join('');
  if (joined === '' || s === '') return null;
  if (s === joined) return 'exact';
  return s.startsWith(joined) || joined.startsWith(s) ? 'prefix' : null;
};

/** `https://www.acme.fr/contact` → `acme.fr`. */
export const bareDomain = (url: string | null | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(/^[a-z]+:\/\//i.test(url) ? url : `https://${url}`).hostname
      .toLowerCase()
      .replace(/^www\./, '');
  } catch {
    return null;
  }
};
