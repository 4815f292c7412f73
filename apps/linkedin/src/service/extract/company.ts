import { readJsonLd } from '@mcp/jsonld';
import { type CheerioAPI, load } from 'cheerio';
import { isLinkedInHost } from '../../upstream/hosts.js';
import { refFromUrl } from '../urls.js';
import { readAbout, splitSpecialties, unwrapRedirect } from './about.js';
import { ORGANIZATION_TYPES, organizationSchema, type PostalAddress, pageJsonLd } from './jsonld.js';
import { type PageMeta, readMeta } from './meta.js';
import { clean, cleanMultiline, followersIn, parseCount, stripLinkedInSuffix } from './text.js';

export type Source = 'json_ld' | 'open_graph' | 'markup';

export interface Headquarters {
  /** As displayed on the page ("London, London"), else built from the address parts. */
  text: string | null;
  street_address: string | null;
  locality: string | null;
  region: string | null;
  postal_code: string | null;
  /** ISO 3166 code as LinkedIn gives it ("GB", "FR"). */
  country: string | null;
}

export interface CompanyData {
  name: string;
  linkedin_url: string | null;
  slug: string | null;
  company_id: string | null;
  description: string | null;
  tagline: string | null;
  website: string | null;
  industry: string | null;
  company_size: string | null;
  company_type: string | null;
  employees_on_linkedin: number | null;
  headquarters: Headquarters | null;
  founded: string | null;
  specialties: string[];
  followers: number | null;
  logo_url: string | null;
  same_as: string[];
  sources: Source[];
}

export interface CompanyExtraction {
  data: CompanyData | null;
  meta: PageMeta;
  /** JSON-LD Organization or the company top card was present; Open Graph alone does not count, as
   * sign-up walls can carry the entity's OG tags (used for blocked-page detection). */
  has_structured_data: boolean;
}

const headquartersOf = (address: PostalAddress | null, shown: string | null): Headquarters | null => {
  const hq: Headquarters = {
    text: shown,
    street_address: address?.streetAddress ?? null,
    locality: address?.addressLocality ?? null,
    region: address?.addressRegion ?? null,
    postal_code: address?.postalCode ?? null,
    country: address?.addressCountry ?? null,
  };
  if (!hq.text) {
    hq.text = clean(
      [hq.street_address, hq.postal_code, hq.locality, hq.region, hq.country].filter(Boolean).join(', '),
    );
  }
  return Object.values(hq).some((v) => v !== null) ? hq : null;
};

const employeesShown = ($: CheerioAPI): number | null => {
  // "View all 69 employees" / "Voir les 69 employés" on the employees face-pile call-to-action.
  const text =
    clean($('.face-pile__text').first().text()) ?? clean($('[data-test-id="employees-at"]').text());
  const m = text
    ? /(\d[\d\s\u00a0\u202f.,]*)\s*(?:employees|employés|salariés|members|membres)/i.exec(text)
    : null;
  return m ? parseCount(m[1]) : null;
};

const COMPANY_URN_RE = /urn:li:(?:organization|company|fs_normalized_company|fsd_company):(\d+)/;

/**
 * The page's own organization id: the top card's report menu names it, the "employees" link filters on
 * it; any other organization URN on the page (similar pages, posts) comes later, so it is the last resort.
 */
const companyIdOf = ($: CheerioAPI, html: string): string | null => {
  const own = $('[data-semaphore-content-type="COMPANY"]').first().attr('data-semaphore-content-urn');
  const fromMenu = own ? COMPANY_URN_RE.exec(own)?.[1] : undefined;
  const fromEmployees = /facetCurrentCompany(?:%3D|=)(?:%255B|%5B|\[)(\d+)/.exec(html)?.[1];
  return fromMenu ?? fromEmployees ?? COMPANY_URN_RE.exec(html)?.[1] ?? null;
};

/** Extracts a public company page: JSON-LD `Organization` first, then Open Graph, then the markup. */
export const extractCompany = (html: string): CompanyExtraction => {
  const $ = load(html);
  const meta = readMeta($);
  const org = readJsonLd(pageJsonLd($), ORGANIZATION_TYPES, organizationSchema);
  const about = readAbout($);
  const sources = new Set<Source>();
  const from = <T>(source: Source, value: T | null | undefined): T | null => {
    if (value == null || (Array.isArray(value) && value.length === 0)) return null;
    sources.add(source);
    return value;
  };

  const topTitle = clean($('h1.top-card-layout__title').first().text());
  const topHeadline = clean($('h2.top-card-layout__headline').first().text());
  const firstSubline = clean($('h3.top-card-layout__first-subline').first().text());
  const secondSubline = clean($('h4.top-card-layout__second-subline').first().text());
  const isCompanyCard = topTitle !== null && $('[data-test-id="about-us"]').length > 0;
  const ogIsCompany = meta.og.url ? refFromUrl(meta.og.url)?.kind === 'company' : false;

  const name =
    from('json_ld', org?.name) ??
    from('markup', isCompanyCard ? topTitle : null) ??
    from('open_graph', ogIsCompany ? stripLinkedInSuffix(meta.og.title) : null);
  if (!name) return { data: null, meta, has_structured_data: org !== undefined || isCompanyCard };

  const urlRef =
    [org?.url, meta.og.url, meta.canonical]
      .map((u) => (u ? refFromUrl(u) : undefined))
      .find((r) => r?.kind === 'company') ?? undefined;
  const sameAs = (org?.sameAs ?? []).filter((u) => /^https?:\/\//i.test(u));
  const websiteShown = about.website ? (unwrapRedirect(about.website.href) ?? about.website.text) : null;
  const firstExternal = sameAs.find((u) => {
    try {
      return !isLinkedInHost(new URL(u).hostname);
    } catch {
      return false;
    }
  });
  const companyId = companyIdOf($, html) ?? (urlRef?.numeric ? urlRef.id : null);

  const data: CompanyData = {
    name,
    linkedin_url: urlRef ? urlRef.url : null,
    slug: urlRef && !urlRef.numeric ? urlRef.id : null,
    company_id: companyId,
    description:
      from('json_ld', cleanMultiline(org?.description)) ??
      from('markup', cleanMultiline($('[data-test-id="about-us__description"]').first().text())),
    tagline: from('json_ld', org?.slogan) ?? from('markup', isCompanyCard ? secondSubline : null) ?? null,
    website: from('markup', clean(websiteShown)) ?? from('json_ld', firstExternal ?? null),
    industry: from('markup', about.industry?.text ?? (isCompanyCard ? topHeadline : null)),
    company_size: from('markup', about.size?.text),
    company_type: from('markup', about.organizationType?.text),
    employees_on_linkedin: from('json_ld', org?.numberOfEmployees) ?? from('markup', employeesShown($)),
    headquarters: null,
    founded: from('json_ld', org?.foundingDate) ?? from('markup', about.foundedOn?.text),
    specialties: from('markup', splitSpecialties(about.specialties?.text)) ?? [],
    followers:
      from('markup', followersIn(firstSubline)) ??
      from('open_graph', followersIn(meta.og.description)) ??
      from('open_graph', followersIn(meta.description)),
    logo_url:
      from('json_ld', org?.logo?.contentUrl ?? org?.logo?.url) ??
      from('open_graph', meta.og.image) ??
      from('markup', clean($('img.top-card-layout__entity-image').first().attr('src'))),
    same_as: sameAs,
    sources: [],
  };
  const address = org?.address ?? null;
  if (address) sources.add('json_ld');
  data.headquarters = headquartersOf(address, from('markup', about.headquarters?.text));
  data.sources = (['json_ld', 'open_graph', 'markup'] as const).filter((s) => sources.has(s));
  return { data, meta, has_structured_data: org !== undefined || isCompanyCard };
};
