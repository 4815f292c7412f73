/** Keyword families that name an identifier right before its number. */
export type LabelKind = 'siret' | 'siren' | 'rcs' | 'tva' | 'rna' | 'generic' | 'phone';

const LABELS: ReadonlyArray<[LabelKind, RegExp]> = [
  ['siret', /\bSIRET\b/giu],
  [
    'siren',
    /\bSIREN\b|num[ée]ro\s+d['’]identification|n°\s*d['’]entreprise|identifi[ée]e?\s+sous|(?:company\s+)?registration\s+number|company\s+number/giu,
  ],
  [
    'rcs',
    /\bR\.?\s?C\.?\s?S\b\.?|registre\s+du\s+commerce|immatricul(?:[ée]+e?s?|ation)(?!\p{L})|greffe|trade\s+and\s+compan(?:y|ies)\s+regist\w*|registered\s+(?:with|at|in)\b/giu,
  ],
  ['tva', /\bTVA\b|\bVAT\b|intra-?communautaire/giu],
  ['rna', /\bRNA\b|r[ée]pertoire\s+national\s+des\s+associations|d[ée]clar[ée]e\s+(?:le|en|à|a)\b/giu],
  ['generic', /sous\s+le\s+(?:n°|num[ée]ro|no)|\bn°|num[ée]ro/giu],
  [
    'phone',
    /t[ée]l[ée]phone|\bt[ée]l\b\.?|\btel\b|phone|\bfax\b|portable|mobile|standard|joignable|whats\s?app|\bappel/giu,
  ],
];

export interface FoundLabel {
  kind: LabelKind;
  /** Offset of the keyword's end inside the searched window. */
  end: number;
}

/** Every identifier keyword in `window`, nearest to its end last. */
export const findLabels = (window: string): FoundLabel[] => {
  const found: FoundLabel[] = [];
  for (const [kind, re] of LABELS) {
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) found.push({ kind, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.end - b.end);
};

/**
 * The label that names a number: the nearest keyword before it on the same line, a generic "numéro"
 * deferring to a more specific keyword before it ("RCS de Lyon sous le numéro …"). A keyword followed
 * by another number first names that number, not this one ("SIREN 552 081 317, capital 100 000 000").
 */
export const nearestLabel = (window: string): LabelKind | null => {
  const labels = findLabels(window).filter((l) => !/\d/.test(window.slice(l.end)));
  const last = labels.at(-1);
  if (!last) return null;
  if (last.kind !== 'generic') return last.kind;
  const specific = labels.filter((l) => l.kind !== 'generic' && l.kind !== 'phone').at(-1);
  return specific ? specific.kind : 'generic';
};
