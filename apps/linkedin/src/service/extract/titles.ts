import { clean } from './text.js';

export interface TitleParts {
  name: string;
  headline: string | null;
  company: string | null;
}

const SUFFIX_RE = /\s*(?:[|\-–—]\s*LinkedIn(?:\s+\w+)?|on LinkedIn|sur LinkedIn)\s*$/i;
const AT_RE = /\s(?:at|chez|@|bei|en)\s(.+)$/i;

/**
 * Reads a profile page or search-result title: "Jane Doe - CEO - Acme | LinkedIn",
 * "Jeanne Dupont – Directrice commerciale chez Acme | LinkedIn", "Jane Doe - Acme | LinkedIn",
 * "Jane Doe | LinkedIn", and search engines' truncated "Jane Doe - Head of Sales - Acme ...".
 */
export const parseProfileTitle = (title: string | null | undefined): TitleParts | null => {
  const raw = clean(title?.replace(/\s*(?:\.{3}|…)\s*$/, '').replace(SUFFIX_RE, ''));
  if (!raw) return null;
  const parts = raw
    .split(/\s+[-–—|]\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const [name, second, ...rest] = parts;
  if (!name || /^linkedin$/i.test(name)) return null;
  if (!second) return { name, headline: null, company: null };
  if (rest.length > 0) return { name, headline: second, company: rest.join(' - ') };
  return { name, headline: second, company: clean(AT_RE.exec(second)?.[1]) };
};

/** "Audiense | LinkedIn" → "Audiense"; "Acme: Overview | LinkedIn" → "Acme". */
export const parseCompanyTitle = (title: string | null | undefined): string | null =>
  clean(
    title
      ?.replace(/\s*(?:\.{3}|…)\s*$/, '')
      .replace(SUFFIX_RE, '')
      .replace(/\s*[:|]\s*(?:overview|about|à propos|présentation|jobs|emplois|people|posts|life)\b.*$/i, ''),
  );
