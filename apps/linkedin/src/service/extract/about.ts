import type { CheerioAPI } from 'cheerio';

type Sel = ReturnType<CheerioAPI>;

import { clean } from './text.js';

/**
 * The "About us" definition list of a public company page. LinkedIn tags each row with a
 * language-independent `data-test-id="about-us__<key>"`; the `<dt>` label map is a fallback for
 * variants without it (English and French labels, the languages a French user is served).
 */
export type AboutKey =
  | 'website'
  | 'industry'
  | 'size'
  | 'headquarters'
  | 'organizationType'
  | 'foundedOn'
  | 'specialties';

const TEST_IDS: Record<AboutKey, string[]> = {
  website: ['about-us__website'],
  industry: ['about-us__industry', 'about-us__industries'],
  size: ['about-us__size'],
  headquarters: ['about-us__headquarters'],
  organizationType: ['about-us__organizationType'],
  foundedOn: ['about-us__foundedOn'],
  specialties: ['about-us__specialties'],
};

const LABELS: Array<[RegExp, AboutKey]> = [
  [/^(website|site web|site internet)$/i, 'website'],
  [/^(industry|industries|secteur|secteurs)$/i, 'industry'],
  [/^(company size|taille de l[’']entreprise)$/i, 'size'],
  [/^(headquarters|siège social)$/i, 'headquarters'],
  [/^(type)$/i, 'organizationType'],
  [/^(founded|fondée en|création)$/i, 'foundedOn'],
  [/^(specialties|spécialisations|domaines)$/i, 'specialties'],
];

export interface AboutRow {
  text: string;
  /** First link of the row (the website row links through LinkedIn's redirector). */
  href: string | null;
}

export const readAbout = ($: CheerioAPI): Partial<Record<AboutKey, AboutRow>> => {
  const rows: Partial<Record<AboutKey, AboutRow>> = {};
  const rowOf = (el: Sel): AboutRow | null => {
    const dd = el.find('dd').first();
    const text = clean(dd.length ? dd.text() : el.text());
    return text ? { text, href: clean(dd.find('a').first().attr('href')) } : null;
  };
  for (const [key, ids] of Object.entries(TEST_IDS) as Array<[AboutKey, string[]]>) {
    for (const id of ids) {
      const el = $(`[data-test-id="${id}"]`).first();
      const row = el.length ? rowOf(el) : null;
      if (row) {
        rows[key] = row;
        break;
      }
    }
  }
  $('dl dt').each((_, dt) => {
    const label = clean($(dt).text());
    const hit = label ? LABELS.find(([re]) => re.test(label)) : undefined;
    if (!hit || rows[hit[1]]) return;
    const dd = $(dt).nextAll('dd').first();
    const text = clean(dd.text());
    if (text) rows[hit[1]] = { text, href: clean(dd.find('a').first().attr('href')) };
  });
  return rows;
};

/** LinkedIn wraps outbound links as `/redir/redirect?url=<encoded>`; returns the real target. */
export const unwrapRedirect = (href: string | null): string | null => {
  if (!href) return null;
  try {
    const u = new URL(href, 'https://www.linkedin.com');
    if (/\/redir\/redirect/.test(u.pathname)) return u.searchParams.get('url');
    return u.toString();
  } catch {
    return null;
  }
};

/** "SaaS, Social Listening, and Audience Intelligence" → ["SaaS", "Social Listening", "Audience Intelligence"]. */
export const splitSpecialties = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(/\s*,\s*|\s+(?:and|et)\s+/i)
    .map((s) => s.replace(/^(?:and|et)\s+/i, '').trim())
    .filter((s) => s !== '');
