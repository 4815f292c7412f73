import type { CheerioAPI } from 'cheerio';
import { clean } from './text.js';

/** Open Graph and the few `<head>` signals used for extraction and for blocked-page detection. */
export interface PageMeta {
  title: string | null;
  description: string | null;
  og: {
    title: string | null;
    description: string | null;
    image: string | null;
    url: string | null;
    type: string | null;
  };
  canonical: string | null;
  /** LinkedIn's `<meta name="pageKey">`: `d_org_guest_company_overview`, `auth_wall_…`, login keys. */
  page_key: string | null;
  /** `<meta name="service">`: `voyager-web` marks the logged-in Ember app shell. */
  service: string | null;
  /** `<meta name="isGuest">` of the logged-in app. */
  is_guest: string | null;
  lang: string | null;
}

const metaContent = ($: CheerioAPI, attr: 'property' | 'name', key: string): string | null =>
  clean($(`meta[${attr}="${key}"]`).first().attr('content'));

export const readMeta = ($: CheerioAPI): PageMeta => ({
  title: clean($('head > title').first().text() || $('title').first().text()),
  description: metaContent($, 'name', 'description'),
  og: {
    title: metaContent($, 'property', 'og:title') ?? metaContent($, 'name', 'twitter:title'),
    description:
      metaContent($, 'property', 'og:description') ?? metaContent($, 'name', 'twitter:description'),
    image: metaContent($, 'property', 'og:image') ?? metaContent($, 'name', 'twitter:image'),
    url: metaContent($, 'property', 'og:url'),
    type: metaContent($, 'property', 'og:type'),
  },
  canonical: clean($('link[rel="canonical"]').first().attr('href')),
  page_key: metaContent($, 'name', 'pageKey'),
  service: metaContent($, 'name', 'service'),
  is_guest: metaContent($, 'name', 'isGuest'),
  lang: clean($('html').attr('lang')),
});
