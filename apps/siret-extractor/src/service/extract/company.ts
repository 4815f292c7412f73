import type { TextDoc } from './doc.js';

const STOP = String.raw`(?=\s*(?:,|\(|;|\.(?:\s|$)|\n|\||$|\s+au\s+capital|\s+(?:SAS|SASU|SARL|EURL|SA|SCOP|SNC|EIRL|EI)\b|\s+dont|\s+immatricul|\s+sise?\b|\s+situ[ée]|\s+d[ée]cline|\s+est\b|\s+repr[ée]sent))`;
const FORMS = String.raw`(?:SAS|SASU|SARL|EURL|SA|SCOP|SCIC|SNC|SCI|EIRL|EI|Soci[ée]t[ée]|association|entreprise\s+individuelle)`;

/** "La société X": also read outside the publisher's section (CGV, privacy policy). */
const LA_SOCIETE = new RegExp(String.raw`\b[Ll]a\s+soci[ée]t[ée]\s+(\p{Lu}[^\n,;(|]{1,60}?)${STOP}`, 'u');

/** Explicit naming, strongest first. */
const PATTERNS: RegExp[] = [
  /(?:raison\s+sociale|d[ée]nomination(?:\s+sociale)?|nom\s+(?:de\s+la\s+soci[ée]t[ée]|commercial))\s*(?:\||:)\s*([^\n|,;]{2,80})/iu,
  /(?:^|\n)\s*(?:nom|soci[ée]t[ée]|propri[ée]taire|[ée]diteur|[ée]ditrice)\s*(?:\||:)\s*(\p{Lu}[^\n|,;–—(]{1,80})/iu,
  new RegExp(
    String.raw`[ée]dit[ée]e?\s+par\s+(?:la\s+soci[ée]t[ée]\s+|l['’]entreprise\s+|l['’]association\s+)?(\p{Lu}[^\n,;(|]{1,60}?)${STOP}`,
    'u',
  ),
  LA_SOCIETE,
  new RegExp(String.raw`^\s*(\p{Lu}[\p{L}\d&'’.\- ]{1,60}?),\s*${FORMS}(?!\p{L})`, 'mu'),
  new RegExp(String.raw`^(\p{Lu}[^\n:|]{1,60})\n(?:${FORMS})(?!\p{L})`, 'mu'),
  /©\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*[-–]?\s*)?(\p{Lu}[\p{L}\d&'’. -]{0,60}?\s(?:SAS|SASU|SARL|EURL|SA|SCOP|SNC))(?!\p{L})/u,
];

const clean = (name: string): string | null => {
  const n = name
    .replace(/[«»"“”*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s,.;:–—-]+$/u, '')
    .trim();
  if (n.length < 2 || /^(?:les|des|la|le|l['’])\s/.test(n)) return null;
  return n;
};

/** The first explicitly stated company name in `text` (raison sociale, "édité par X", "La société X"). */
export const findCompanyName = (text: string): string | null => {
  for (const re of PATTERNS) {
    const name = re.exec(text)?.[1];
    const cleaned = name ? clean(name) : null;
    if (cleaned) return cleaned;
  }
  return null;
};

/**
 * The publisher's name near its number: first in the publisher's own section (or the 600 characters
 * before the number when the page has no headings), then "La société X" anywhere in the page
 * outside the excluded spans (host and third-party sections).
 */
export const publisherName = (
  doc: TextDoc,
  start: number,
  sectionStart: number,
  sectionEnd: number,
  excluded: Array<[number, number]>,
): string | null => {
  const from = sectionStart >= 0 ? sectionStart : Math.max(0, start - 600);
  const near = findCompanyName(doc.text.slice(from, Math.min(doc.text.length, sectionEnd)));
  if (near) return near;
  const global = new RegExp(LA_SOCIETE.source, 'gu');
  for (const m of doc.text.matchAll(global)) {
    if (excluded.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const cleaned = m[1] ? clean(m[1]) : null;
    if (cleaned) return cleaned;
  }
  return null;
};
