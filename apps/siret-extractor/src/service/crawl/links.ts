import { load } from 'cheerio';

export interface RankedLink {
  url: string;
  score: number;
  text: string;
}

/** Link text or href → how likely the target carries the publisher's identifiers. */
const RULES: ReadonlyArray<[RegExp, RegExp, number]> = [
  [/mentions?\s*l[ée]gales?/i, /mentions?[-_]?l[ée]gales?|mentions-legales|mentionslegales/i, 100],
  [
    /informations?\s+l[ée]gales?|legal\s+notice|notice\s+l[ée]gale|impressum|imprint/i,
    /informations?-legales|legal-?notice|impressum|imprint/i,
    95,
  ],
  [/\blegal\b|l[ée]gal/i, /\blegal\b|\/legal/i, 85],
  [/\bCGV\b|conditions\s+g[ée]n[ée]rales\s+de\s+vente/i, /\bcgv\b|conditions-generales-de-vente/i, 60],
  [
    /\bCGU\b|conditions\s+g[ée]n[ée]rales\s+d['’]utilisation|conditions\s+d['’]utilisation|terms/i,
    /\bcgu\b|conditions-generales|terms/i,
    55,
  ],
  [/qui\s+sommes[-\s]nous|[àa]\s+propos|about/i, /qui-sommes-nous|a-propos|about/i, 40],
  [/\bcontact/i, /contact/i, 30],
  [
    /confidentialit[ée]|privacy|donn[ée]es\s+personnelles/i,
    /confidentialite|privacy|donnees-personnelles|rgpd/i,
    20,
  ],
];

const scoreOf = (text: string, href: string): number => {
  let best = 0;
  for (const [textRe, hrefRe, score] of RULES) {
    const t = textRe.test(text);
    const h = hrefRe.test(href);
    if (t || h) best = Math.max(best, score + (t && h ? 3 : 0));
  }
  return best;
};

const siteKey = (host: string): string => host.toLowerCase().replace(/^www\./, '');

/** Same site: same host, with or without `www.` — legal pages never live on another domain we trust. */
export const sameSite = (a: URL, b: URL): boolean =>
  siteKey(a.hostname) === siteKey(b.hostname) && a.port === b.port;

/** Absolute http(s) URL without its fragment, or null for mailto:, tel:, javascript:, other sites. */
export const resolveLink = (href: string, base: URL): URL | null => {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (!sameSite(u, base)) return null;
    u.hash = '';
    return u;
  } catch {
    return null;
  }
};

/**
 * Links of a page that may lead to the legal notice, best first: "mentions légales" beats "legal",
 * which beats CGV/CGU, "à propos" and "contact"; footer links break ties.
 */
export const findLegalLinks = (html: string, pageUrl: string): RankedLink[] => {
  const base = new URL(pageUrl);
  const $ = load(html);
  const byUrl = new Map<string, RankedLink>();
  $('a[href]').each((_, el) => {
    const a = $(el);
    const href = a.attr('href') ?? '';
    const url = resolveLink(href, base);
    if (!url || url.href === base.href) return;
    const text = `${a.text()} ${a.attr('title') ?? ''} ${a.attr('aria-label') ?? ''}`
      .replace(/\s+/g, ' ')
      .trim();
    let path = url.pathname;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      // keep the encoded path
    }
    let score = scoreOf(text, path + url.search);
    if (score === 0) return;
    if (a.closest('footer, #footer, .footer').length > 0) score += 2;
    const prev = byUrl.get(url.href);
    if (!prev || prev.score < score) byUrl.set(url.href, { url: url.href, score, text });
  });
  return [...byUrl.values()].sort((a, b) => b.score - a.score);
};

/** Paths tried when no link says where the legal notice is. */
export const COMMON_LEGAL_PATHS = ['/mentions-legales', '/mentions-legales.html', '/legal'] as const;

/** `<loc>` URLs of a sitemap (or sitemap index), legal-looking first; same site only. */
export const parseSitemap = (xml: string, siteUrl: string): { pages: RankedLink[]; sitemaps: string[] } => {
  const base = new URL(siteUrl);
  const $ = load(xml, { xml: true });
  const pages: RankedLink[] = [];
  const sitemaps: string[] = [];
  $('sitemap > loc').each((_, el) => {
    const u = resolveLink($(el).text(), base);
    if (u) sitemaps.push(u.href);
  });
  $('url > loc').each((_, el) => {
    const u = resolveLink($(el).text(), base);
    if (!u) return;
    let path = u.pathname;
    try {
      path = decodeURIComponent(u.pathname);
    } catch {
      // keep the encoded path
    }
    const score = scoreOf('', path);
    if (score >= 55) pages.push({ url: u.href, score, text: '' });
  });
  return { pages: pages.sort((a, b) => b.score - a.score), sitemaps };
};
