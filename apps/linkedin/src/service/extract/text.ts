/** Collapses the whitespace LinkedIn's templates leave around every value; empty → null. */
export const clean = (value: string | null | undefined): string | null => {
  if (value == null) return null;
  const text = value.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  return text === '' ? null : text;
};

/** Like `clean` but keeps paragraph breaks (descriptions, "about" texts). */
export const cleanMultiline = (value: string | null | undefined): string | null => {
  if (value == null) return null;
  const text = value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u202f]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? null : text;
};

/**
 * Reads a displayed count: "5,750", "5 750" (French, with narrow no-break spaces), "5.750" (German),
 * "1.2K", "1,2 k", "3M", "12 mil". Returns null when there is no number.
 */
export const parseCount = (text: string | null | undefined): number | null => {
  if (!text) return null;
  const m = /(\d[\d\s\u00a0\u202f.,']*)\s*(k|m|mil|mio|md)?\b/i.exec(text);
  if (!m) return null;
  const digits = m[1]!.replace(/[\s\u00a0\u202f']+/g, '').replace(/[.,]$/, '');
  const suffix = m[2]?.toLowerCase();
  let value: number;
  if (suffix) {
    // With a suffix the separator is a decimal point: "1.2K", "1,2 k".
    value = Number(digits.replace(',', '.'));
    const factor = suffix === 'k' || suffix === 'mil' ? 1_000 : suffix === 'md' ? 1_000_000_000 : 1_000_000;
    value = Math.round(value * factor);
  } else {
    // Without one, "." and "," group thousands ("5,750", "5.750").
    value = Number(digits.replace(/[.,]/g, ''));
  }
  return Number.isFinite(value) ? value : null;
};

// "followers" in the languages LinkedIn serves most to French users, plus a few neighbours.
const FOLLOWERS_RE =
  /(\d[\d\s\u00a0\u202f.,']*\s*(?:k|m|mil)?)\s*(?:followers?|abonnés?|abonnes?|seguidores|seguidor|volgers|iscritti)/i;

/** "5,750 followers" / "5 750 abonnés" anywhere in a text → 5750. */
export const followersIn = (text: string | null | undefined): number | null => {
  if (!text) return null;
  const m = FOLLOWERS_RE.exec(text);
  return m ? parseCount(m[1]) : null;
};

const CONNECTIONS_RE = /(\d[\d\s\u00a0\u202f.,]*\+?)\s*(?:connections?|relations?|contacts?|Kontakte)/i;

/** "500+ connections" / "500+ relations" → "500+" (kept as shown: LinkedIn caps the number). */
export const connectionsIn = (text: string | null | undefined): string | null => {
  if (!text) return null;
  const m = CONNECTIONS_RE.exec(text);
  return m ? m[1]!.replace(/[\s\u00a0\u202f]+/g, '') : null;
};

/** Strips LinkedIn's " | LinkedIn" title suffix. */
export const stripLinkedInSuffix = (title: string | null | undefined): string | null =>
  clean(title?.replace(/\s*[|\-–—]\s*LinkedIn\s*$/i, ''));
