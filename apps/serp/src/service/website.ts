import { foldName, LEGAL_FORM_WORDS } from '@mcp/fr-ids';
import type { SearchResult } from '@mcp/search';
import { domainLabel, isDirectoryDomain } from './sites.js';

/** Words too common to tell companies apart, on top of the legal forms. */
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...LEGAL_FORM_WORDS,
  'et',
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'l',
  'd',
  'en',
  'and',
  'the',
  'of',
  'groupe',
  'group',
  'company',
  'compagnie',
  'france',
  'francaise',
  'international',
  'holding',
]);

/** "Électricité de France (EDF)" is also known as "EDF" and as "Électricité de France". */
export const nameVariants = (name: string): string[] => {
  const inner = [...name.matchAll(/\(([^)]+)\)/g)].map((m) => m[1] ?? '');
  const outer = name.replace(/\([^)]*\)/g, ' ');
  return [...new Set([name, outer, ...inner].map((v) => v.trim()).filter(Boolean))];
};

/**
 * How well a domain label fits a company name: 3 exact, 2.5 acronym ("edf" for Électricité de
 * France), 2 one contains the other, 1 a distinctive word of the name appears; 0 otherwise.
 */
const scoreOne = (name: string, label: string): number => {
  const words = foldName(name).split(' ').filter(Boolean);
  const compactLabel = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (words.length === 0 || compactLabel.length < 2) return 0;
  const significant = words.filter((w) => !STOP_WORDS.has(w));
  const compact = words.join('');
  const compactSignificant = significant.join('');
  if (compactLabel === compact || (compactSignificant && compactLabel === compactSignificant)) return 3;
  const acronyms = [words.map((w) => w[0]).join(''), significant.map((w) => w[0]).join('')];
  if (acronyms.some((a) => a.length >= 2 && a === compactLabel)) return 2.5;
  const core = compactSignificant || compact;
  if (
    core.length >= 4 &&
    (compactLabel.includes(core) || (compactLabel.length >= 4 && core.includes(compactLabel)))
  ) {
    return 2;
  }
  if (significant.some((w) => w.length >= 4 && compactLabel.includes(w))) return 1;
  return 0;
};

export const nameMatchScore = (name: string, label: string): number =>
  Math.max(0, ...nameVariants(name).map((v) => scoreOne(v, label)));

/**
 * The company's own site among search results: not a directory or social network, and a domain
 * that looks like the name. Without a name there is nothing to compare with, so no guess.
 */
export const pickWebsite = (
  name: string | undefined,
  results: readonly SearchResult[],
): SearchResult | undefined => {
  if (!name) return undefined;
  let best: { result: SearchResult; score: number } | undefined;
  for (const result of results) {
    if (isDirectoryDomain(result.domain)) continue;
    const label = domainLabel(result.domain);
    if (!label) continue;
    const score = nameMatchScore(name, label);
    if (score > 0 && (!best || score > best.score)) best = { result, score };
  }
  return best?.result;
};

/** "ELECTRICITE DE FRANCE (EDF) - Chiffre d'affaires…" → "ELECTRICITE DE FRANCE (EDF)". */
export const nameFromDirectoryTitle = (title: string): string | undefined => {
  const head = title.split(/\s+[-–|·:]\s+/)[0]?.trim();
  return head && head.length >= 2 && !/^\d+$/.test(head) ? head : undefined;
};
