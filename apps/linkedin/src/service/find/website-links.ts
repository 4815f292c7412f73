import { readJsonLdAll } from '@mcp/jsonld';
import { load } from 'cheerio';
import { pageJsonLd, sameAsSchema } from '../extract/jsonld.js';
import { clean } from '../extract/text.js';
import { refFromUrl } from '../urls.js';

export interface WebsiteLink {
  /** Canonical company page URL. */
  linkedin_url: string;
  slug: string;
  /** Where on the site: `footer`, `header`, `json_ld`, `body`. */
  places: string[];
  count: number;
}

const placeOf = (el: ReturnType<ReturnType<typeof load>>): string => {
  if (el.closest('footer, [class*="footer"], [id*="footer"]').length) return 'footer';
  if (el.closest('header, nav, [class*="header"], [id*="header"]').length) return 'header';
  return 'body';
};

/**
 * LinkedIn company pages a website links to itself: `<a href>` anywhere (footers usually) and
 * JSON-LD `sameAs`. Profile links (`/in/`) are left out: they name people, not the company.
 */
export const linkedinLinksOf = (html: string): WebsiteLink[] => {
  const $ = load(html);
  const found = new Map<string, WebsiteLink>();
  const add = (href: string | undefined, place: string) => {
    const ref = href ? refFromUrl(clean(href) ?? '') : undefined;
    if (ref?.kind !== 'company') return;
    const link = found.get(ref.url) ?? { linkedin_url: ref.url, slug: ref.id, places: [], count: 0 };
    link.count += 1;
    if (!link.places.includes(place)) link.places.push(place);
    found.set(ref.url, link);
  };
  $('a[href*="linkedin.com"]').each((_, a) => {
    add($(a).attr('href'), placeOf($(a)));
  });
  for (const node of readJsonLdAll(pageJsonLd($), sameAsSchema)) {
    for (const url of node.sameAs) add(url, 'json_ld');
  }
  return [...found.values()].sort((a, b) => b.count - a.count);
};
